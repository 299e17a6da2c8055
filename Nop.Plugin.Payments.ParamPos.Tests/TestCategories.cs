namespace Nop.Plugin.Payments.ParamPos.Tests;

/// <summary>
/// NUnit categories: every fixture has one kind and at least one feature, so any slice can be run with
/// dotnet test --filter TestCategory=...
/// </summary>
public static class TestCategories
{
    // Kinds
    public const string Unit = "Unit";
    public const string Integration = "Integration";
    public const string Browser = "Browser";
    public const string WebFarm = "WebFarm";
    public const string Soak = "Soak";

    // Features
    public const string Gateway = "Gateway";
    public const string Sandbox = "Sandbox";
    public const string Checkout = "Checkout";
    public const string Refund = "Refund";
    public const string Admin = "Admin";
    public const string Paratika = "Paratika";
    public const string PreAuth = "PreAuth";
    public const string ThreeDPay = "ThreeDPay";
    public const string Currency = "Currency";
    public const string Reconciliation = "Reconciliation";
    public const string SavedCards = "SavedCards";
    public const string Widget = "Widget";
    public const string Marketplace = "Marketplace";
    public const string Packaging = "Packaging";
}
