<#
  Thin wrapper over the dotnet commands in README.md; every step works without PowerShell too:
    dotnet build Nop.Plugin.Payments.ParamPos/Nop.Plugin.Payments.ParamPos.csproj -c Release -t:PackagePlugin [-p:NopSourceDir=<nopCommerce>/src]
    dotnet test Nop.Plugin.Payments.ParamPos.sln -c Release
#>
param(
    [string] $Configuration = "Release",
    [string] $NopSource = "",
    [switch] $SkipTests
)

$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot

$buildArguments = @("build", "Nop.Plugin.Payments.ParamPos/Nop.Plugin.Payments.ParamPos.csproj", "-c", $Configuration, "-t:PackagePlugin")
if ($NopSource -ne "") {
    $buildArguments += "-p:NopSourceDir=$NopSource"
}

& dotnet @buildArguments
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

if (-not $SkipTests) {
    & dotnet test Nop.Plugin.Payments.ParamPos.sln -c $Configuration
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}
