using System.Text;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.ParamPos.Controllers;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Reconciliation;

/// <summary>
/// The "ParamPOS transactions" page's controller over a day of real checkouts: every attempt and money move of the
/// ledger, newest first, with the order, the masked card, the commission and Param's answer; filters by day, order and
/// state; paging; and the CSV export with its columns and culture-invariant amounts.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Reconciliation), Category(TestCategories.Admin)]
public class TransactionListTests
{
    private CheckoutHarness _harness;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private Task<IActionResult> RunAsync(Func<ParamPosTransactionsController, Task<IActionResult>> action)
    {
        return _harness.InScopeAsync(async services =>
        {
            var controller = ActivatorUtilities.CreateInstance<ParamPosTransactionsController>(services);
            var http = new DefaultHttpContext { RequestServices = services };
            controller.ControllerContext = new ControllerContext { HttpContext = http };
            controller.TempData = new Microsoft.AspNetCore.Mvc.ViewFeatures.TempDataDictionary(http, Moq.Mock.Of<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider>());

            return await action(controller);
        });
    }

    private async Task<TransactionListModel> ListAsync(TransactionListModel search = null) => (TransactionListModel)((ViewResult)await RunAsync(controller => controller.List(search))).Model!;

    [Test]
    public async Task ADay_IsListedNewestFirst_WithEveryAttemptAndMoneyMove()
    {
        var paid = await _harness.PaidOrderAsync(installments: 3);
        var declined = await _harness.CheckoutToBankAsync(TestCards.INSUFFICIENT_FUNDS);
        await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(declined, approve: true));
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));
        (await _harness.RefundAsync(paid.Id, 30m, partial: true)).Success.Should().BeTrue();

        var model = await ListAsync();

        model.Error.Should().BeNull();
        model.Rows.Select(row => row.Kind).Should().Equal("Refund (IADE)", "Charge", "Charge", "3D Model sale", "3D Model sale");
        model.Total.Should().Be(5);
        var charge = model.Rows.Single(row => row.Kind == "Charge" && row.State == "Succeeded");
        charge.Should().BeEquivalentTo(new
        {
            OrderId = (int?)paid.Id, OrderReference = paid.AuthorizationTransactionId, MaskedCard = "557113******5575", Installments = 3,
            Amount = paid.OrderTotal, Commission = paid.OrderTotal - 100m, Currency = "TRY", ReceiptId = paid.CaptureTransactionId
        });
        model.Rows.Single(row => row.Kind == "Charge" && row.State == "Refused").Result.Should().StartWith("-1");
        model.Rows.First().Should().BeEquivalentTo(new { Amount = 30m, State = "Succeeded", Commission = 0m });
        model.Rows.Should().OnlyContain(row => row.Date.Length == 19);
    }

    [Test]
    public async Task Filters_ByOrderStateAndDay_AndPages()
    {
        var first = await _harness.PaidOrderAsync();
        var second = await _harness.PaidOrderAsync();
        var today = TurkishTime.DayOf(_harness.Clock.GetUtcNow()).ToString("yyyy-MM-dd");
        var yesterday = TurkishTime.DayOf(_harness.Clock.GetUtcNow()).AddDays(-1).ToString("yyyy-MM-dd");

        (await ListAsync(new TransactionListModel { OrderId = first.Id })).Rows.Should().OnlyContain(row => row.OrderId == first.Id).And.HaveCount(2);
        (await ListAsync(new TransactionListModel { StateId = (int)LedgerEntryState.Succeeded })).Rows.Should().HaveCount(2).And.OnlyContain(row => row.Kind == "Charge");
        (await ListAsync(new TransactionListModel { From = yesterday, To = yesterday })).Rows.Should().BeEmpty();
        var page = await ListAsync(new TransactionListModel { From = today, To = today, PageSize = 3, PageIndex = 1 });
        page.Total.Should().Be(4);
        page.PageCount.Should().Be(2);
        page.Rows.Should().ContainSingle();
        (await ListAsync(new TransactionListModel { From = today, To = yesterday })).Error.Should().Contain("first and a last day");
        (await ListAsync(new TransactionListModel { OrderId = 99999 })).Error.Should().Contain("no order");
        second.Should().NotBeNull();
    }

    [Test]
    public async Task Export_IsCsvWithItsColumns_AndInvariantAmounts()
    {
        var paid = await _harness.PaidOrderAsync(installments: 3);
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
        FileContentResult file;
        try
        {
            file = (FileContentResult)await RunAsync(controller => controller.ExportCsv(new TransactionListModel()));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }

        file.ContentType.Should().StartWith("text/csv");
        file.FileDownloadName.Should().MatchRegex(@"^parampos-transactions-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$");
        file.FileContents.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(file.FileContents[3..]).Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("Date (Turkey),Order,Siparis_ID,Kind,Card,Card family,Installments,Amount,Commission,Currency,State,Dekont_ID,Result");
        lines.Should().HaveCount(3, "the header, the charge and the attempt");
        var charge = lines.Single(line => line.Contains(",Charge,"));
        charge.Should().Contain($",{paid.OrderTotal.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)},")
            .And.Contain($",{(paid.OrderTotal - 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)},TRY,Succeeded,{paid.CaptureTransactionId},");
        charge.Should().Contain(",557113******5575,");
    }

    [Test]
    public void CsvFields_AreQuoted_AndNeverRunAsFormulas()
    {
        var bytes = TransactionCsv.Write([new TransactionRowModel { Date = "2026-12-03 10:00:00", Result = "=HYPERLINK(\"x\")", CardFamily = "Axess, Akbank", Kind = "-1" }]);
        var text = Encoding.UTF8.GetString(bytes[3..]);

        text.Should().Contain("\"'=HYPERLINK(\"\"x\"\")\"").And.Contain("\"Axess, Akbank\"").And.Contain(",'-1,");
    }
}
