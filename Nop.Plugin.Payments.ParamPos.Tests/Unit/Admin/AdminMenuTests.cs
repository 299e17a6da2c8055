using FluentAssertions;
using Moq;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Admin;

/// <summary>
/// The plugin's admin pages in nopCommerce's menu, under Sales after Orders, for those who may view orders (the
/// marketplace page in marketplace mode only); and nothing while the plugin is not installed.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Admin), Category(TestCategories.Reconciliation)]
public class AdminMenuTests
{
    private static (AdminMenuCreatedEvent Event, AdminMenuItem Sales) Menu()
    {
        var menu = new Mock<IAdminMenu>();
        menu.Setup(admin => admin.GetMenuItemUrl(It.IsAny<string>(), It.IsAny<string>())).Returns((string controller, string action) => $"/Admin/{controller}/{action}");
        var sales = new AdminMenuItem { SystemName = "Sales", ChildNodes = [new AdminMenuItem { SystemName = "Orders" }, new AdminMenuItem { SystemName = "Shipments" }] };
        var root = new AdminMenuItem { SystemName = "Home", ChildNodes = [new AdminMenuItem { SystemName = "Dashboard" }, sales] };

        return (new AdminMenuCreatedEvent(menu.Object, root), sales);
    }

    private static async Task<AdminMenuEventConsumer> ConsumerAsync(bool installed, bool marketplace = false)
    {
        var localization = new InMemoryLocalizationService(1);
        await localization.AddOrUpdateLocaleResourceAsync(new Dictionary<string, string>(ParamPosLocaleResources.ForCulture("en-US")), 1);
        var settings = new FakeSettingService();
        if (installed)
        {
            var defaults = ParamPosPaymentMethod.CreateDefaultSettings();
            defaults.MarketplaceMode = marketplace;
            settings.Put(defaults);
        }

        return new AdminMenuEventConsumer(localization, settings);
    }

    [Test]
    public async Task AnInstalledPlugin_AddsItsPagesUnderSalesAfterOrders()
    {
        var (menu, sales) = Menu();

        await (await ConsumerAsync(installed: true)).HandleEventAsync(menu);

        sales.ChildNodes.Select(item => item.SystemName).Should().Equal("Orders", "Payments.ParamPos.ParamPosTransactions", "Payments.ParamPos.ParamPosReconciliation", "Shipments");
        sales.ChildNodes[1].Should().Match<AdminMenuItem>(item => item.Title == "ParamPOS transactions" && item.Url == "/Admin/ParamPosTransactions/List" && item.Visible);
        sales.ChildNodes[2].Url.Should().Be("/Admin/ParamPosReconciliation/Index");
        sales.ChildNodes.Skip(1).Take(2).Should().OnlyContain(item => item.PermissionNames.SequenceEqual(new[] { "Orders.OrdersView" }));
    }

    [Test, Category(TestCategories.Marketplace)]
    public async Task InMarketplaceMode_TheMarketplacePageFollows()
    {
        var (menu, sales) = Menu();

        await (await ConsumerAsync(installed: true, marketplace: true)).HandleEventAsync(menu);

        sales.ChildNodes.Select(item => item.SystemName).Should().Equal("Orders", "Payments.ParamPos.ParamPosTransactions", "Payments.ParamPos.ParamPosReconciliation",
            "Payments.ParamPos.ParamPosMarketplace", "Shipments");
        sales.ChildNodes[3].Should().Match<AdminMenuItem>(item => item.Title == "ParamPOS marketplace" && item.Url == "/Admin/ParamPosMarketplace/Index"
            && item.PermissionNames.SequenceEqual(new[] { "Orders.OrdersView" }));
    }

    [Test]
    public async Task APluginNotInstalled_AddsNothing()
    {
        var (menu, sales) = Menu();

        await (await ConsumerAsync(installed: false)).HandleEventAsync(menu);

        sales.ChildNodes.Select(item => item.SystemName).Should().Equal("Orders", "Shipments");
    }
}
