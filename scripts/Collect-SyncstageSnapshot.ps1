<#
.SYNOPSIS
    Writes a syncstage server snapshot (docs formats §5) for THIS Entra Connect Sync server.

.DESCRIPTION
    NOT RUN: PowerShell and the ADSync module were not available where this script was written. Its output format is
    tested only through the fixtures in test/fixtures/gate/ (test/gate/collector-shape.test.ts checks that they and
    this script agree on file names and manifest keys). Run it once on a lab server and compare before relying on it.

    Output folder layout (one folder per server and capture):
      snapshot.json      {"server", "role", "capturedAt" (UTC ISO 8601), "connectVersion", "exports": {file: connector}}
      config/            Get-ADSyncServerConfiguration -Path (Connectors/, GlobalSettings/, SynchronizationRules/)
      settings/          Exported-/Applied-SynchronizationPolicy-*.json, when present
      scheduler.json     Get-ADSyncScheduler | ConvertTo-Json
      run-history.json   Get-ADSyncRunProfileResult -NumberRequested 50 | ConvertTo-Json -Depth 4
      exports/           csexport "<connector>" <file> /f:x, one file per connector (.xml, or .xml.gz with -Compress)

    Run it elevated, as a member of ADSyncAdmins, on the sync server. Commit the folder in the ops repository.
    Run it on BOTH servers, the active one too, at about the same time (after the same sync cycle): exports/ is
    collected whatever the role, and the switch impact (syncstage impact, docs/switch-impact.md) pairs the active
    server's pending exports with the staging server's to tell what the failover itself will export.

.PARAMETER OutputPath
    The snapshot folder to create, e.g. .\snapshots\SYNC02\2026-11-24. It must not exist yet.

.PARAMETER Role
    active or staging: what the operator believes this server is. syncstage checks it against StagingMode.

.PARAMETER Compress
    Gzip the export files (GitHub refuses files over 100 MB; an export compresses about 20x).

.EXAMPLE
    .\Collect-SyncstageSnapshot.ps1 -OutputPath .\snapshots\SYNC02\2026-11-24 -Role staging -Compress

.EXAMPLE
    .\Collect-SyncstageSnapshot.ps1 -OutputPath .\snapshots\SYNC01\2026-11-24 -Role active -Compress
    The active server's snapshot, with its pending exports (for the switch impact).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string] $OutputPath,
    [Parameter(Mandatory = $true)][ValidateSet('active', 'staging')][string] $Role,
    [switch] $Compress,
    [int] $RunHistoryCount = 50
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

Import-Module ADSync

if (Test-Path -LiteralPath $OutputPath) { throw "$OutputPath exists: a snapshot is written once, into a new folder." }
$root = (New-Item -ItemType Directory -Path $OutputPath).FullName
# The time that counts for the snapshot (formats §5): taken first, so nothing in the folder predates it by much.
# InvariantCulture: in a format string ':' is the culture's time separator, which is not ':' everywhere.
$capturedAt = [DateTime]::UtcNow.ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", [Globalization.CultureInfo]::InvariantCulture)

function Write-Utf8File([string] $Path, [string] $Text) {
    # UTF-8 without BOM, LF: identical bytes from Windows PowerShell 5.1 and PowerShell 7.
    [System.IO.File]::WriteAllText($Path, $Text.Replace("`r`n", "`n"), (New-Object System.Text.UTF8Encoding($false)))
}

# config/: the whole server configuration, as Get-ADSyncServerConfiguration writes it.
Get-ADSyncServerConfiguration -Path (Join-Path $root 'config')

# settings/: the synchronization policy JSON the wizard keeps, when there is one.
$policyDir = Join-Path $env:ProgramData 'AADConnect'
$policies = @(Get-ChildItem -Path $policyDir -Filter '*-SynchronizationPolicy-*.json' -ErrorAction SilentlyContinue)
if ($policies.Count -gt 0) {
    $settings = New-Item -ItemType Directory -Path (Join-Path $root 'settings')
    $policies | Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 2 | Copy-Item -Destination $settings.FullName
}

# scheduler.json and run-history.json: runtime state, read by the gate (never drift).
Write-Utf8File (Join-Path $root 'scheduler.json') (Get-ADSyncScheduler | ConvertTo-Json)
Write-Utf8File (Join-Path $root 'run-history.json') (ConvertTo-Json -InputObject @(Get-ADSyncRunProfileResult -NumberRequested $RunHistoryCount) -Depth 4)

# exports/: pending exports of every connector (csexport /f:x), named by a file-safe connector name. On both roles:
# the active server's exports are what the switch impact compares the staging server's with.
$binDir = Join-Path (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Azure AD Connect').WizardPath '..\..\Microsoft Azure AD Sync\Bin'
$csexport = Join-Path ([System.IO.Path]::GetFullPath($binDir)) 'csexport.exe'
if (-not (Test-Path -LiteralPath $csexport)) { $csexport = 'C:\Program Files\Microsoft Azure AD Sync\Bin\csexport.exe' }
$exportsDir = (New-Item -ItemType Directory -Path (Join-Path $root 'exports')).FullName
$exportsMap = [ordered]@{}
foreach ($connector in (Get-ADSyncConnector | Sort-Object Name)) {
    $safe = ($connector.Name -replace '[^A-Za-z0-9._-]+', '_')
    $file = Join-Path $exportsDir "$safe.xml"
    & $csexport $connector.Name $file '/f:x' | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "csexport failed for connector '$($connector.Name)' (exit $LASTEXITCODE)" }
    $name = "$safe.xml"
    if ($Compress) {
        $in = [System.IO.File]::OpenRead($file)
        $out = [System.IO.File]::Create("$file.gz")
        $gzip = New-Object System.IO.Compression.GZipStream($out, [System.IO.Compression.CompressionMode]::Compress)
        try { $in.CopyTo($gzip) } finally { $gzip.Dispose(); $out.Dispose(); $in.Dispose() }
        Remove-Item -LiteralPath $file
        $name = "$safe.xml.gz"
    }
    $exportsMap[$name] = $connector.Name
}

# snapshot.json last: its presence says the folder is complete.
$version = (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Azure AD Connect' -ErrorAction SilentlyContinue).Version
$manifest = [ordered]@{
    server         = $env:COMPUTERNAME
    role           = $Role
    capturedAt     = $capturedAt
    connectVersion = "$version"
    exports        = $exportsMap
}
Write-Utf8File (Join-Path $root 'snapshot.json') (ConvertTo-Json -InputObject $manifest -Depth 3)

Write-Host "Snapshot written to $root (server $($env:COMPUTERNAME), role $Role, captured $capturedAt)."
Write-Host 'Review it, then commit the folder: git add, commit, push, and reference it from the failover runbook.'
