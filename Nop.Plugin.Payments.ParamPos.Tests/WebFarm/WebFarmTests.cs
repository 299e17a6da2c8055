using System.Diagnostics;
using FluentAssertions;
using LinqToDB.Data;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.WebFarm;

/// <summary>
/// Two web nodes of one store (two containers: each its own request scopes, in-process locker and per-request order
/// cache) sharing one real PostgreSQL database, with the plugin's own migration applied to it, and the sandbox as Param.
/// Money must move exactly once however the nodes, the bank's repeated posts, the reconciliation task and the shopper's
/// clicks interleave.
/// </summary>
[TestFixture, Category(TestCategories.WebFarm), Category(TestCategories.Checkout), Category(TestCategories.Refund)]
public class WebFarmTests : TwoNodeFixture
{
    private Customer NewCustomer(int id) => _harness.Shop.AddCustomer(id, 100m);

    private async Task<int> CountAsync(string operation) => (await _harness.Sandbox.CallCountsAsync()).GetValueOrDefault(operation);

    [Test]
    public async Task TwentyOrders_ThirtyTwoCallbacksEachOnBothNodes_WithReconciliationOnBoth_OnePayAndOnePaidTransitionPerOrder()
    {
        const int orders = 20;
        const int callbacksPerOrder = 32;
        var placed = new List<(Order Order, BankCallback Callback)>();
        for (var index = 0; index < orders; index++)
        {
            var order = await _harness.CheckoutToBankAsync(TestCards.AKBANK_AXESS, installments: index % 3 == 0 ? 3 : 1, customer: NewCustomer(1000 + index), node: Node(index));
            placed.Add((order, await _harness.AuthenticateAsync(order, approve: true)));
        }

        var before = await CountAsync("TP_WMD_Pay");
        var stopwatch = Stopwatch.StartNew();

        // Every order at once: 16 posts of its callback on each node, and both nodes' reconciliation tasks running.
        var outcomes = await Task.WhenAll(placed.SelectMany(pair => Enumerable.Range(0, callbacksPerOrder)
            .Select(index => Task.Run(() => _harness.PostCallbackAsync(pair.Callback, Node(index))))));
        var reconciliations = await Task.WhenAll(Enumerable.Range(0, 4).Select(index => Task.Run(() => _harness.ReconcileAsync(Node(index)))));
        stopwatch.Stop();

        var payCalls = await CountAsync("TP_WMD_Pay") - before;
        var payPerOrder = await _harness.Sandbox.RequestsPerOrderAsync("TP_WMD_Pay");
        payCalls.Should().Be(orders, "one TP_WMD_Pay per order");
        foreach (var (order, callback) in placed)
        {
            payPerOrder.GetValueOrDefault(callback["orderId"]).Should().Be(1, $"order {order.Id} is charged once");
            _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1, $"order {order.Id} goes to Paid once");
            var stored = _harness.Orders.Get(order.Id);
            stored.PaymentStatus.Should().Be(PaymentStatus.Paid);
            stored.CaptureTransactionId.Should().NotBeNullOrEmpty();
            var ledger = await _harness.LedgerAsync(order);
            ledger.Entries.Select(entry => (entry.Kind, entry.State)).Should().Equal((LedgerEntryKind.Charge, LedgerEntryState.Succeeded), (LedgerEntryKind.OrderPaid, LedgerEntryState.Succeeded));
        }

        outcomes.Should().OnlyContain(outcome => outcome.Result == CallbackResult.Paid, "every post of a paid order's callback ends on the completed page");
        reconciliations.Sum(summary => summary.MarkedPaid).Should().Be(0, "the callbacks settled everything");
        TestContext.Out.WriteLine($"Two nodes, {orders} orders × {callbacksPerOrder} callbacks ({outcomes.Length} posts) + {reconciliations.Length} reconciliation runs in {stopwatch.ElapsedMilliseconds} ms: "
            + $"TP_WMD_Pay {payCalls}, paid transitions {_harness.Orders.MarkedPaidCount}, ledger inserts refused by the unique index {_harness.Storage.LedgerInsertConflicts}.");
    }

    [Test]
    public async Task PartialRefund_DoubleClickedOnTwoNodes_OnlyOneReachesParam_AndTheOrderShowsWhatParamRefunded()
    {
        const int orders = 10;
        var refundCalls = 0;
        for (var index = 0; index < orders; index++)
        {
            var order = await _harness.PaidOrderAsync(customer: NewCustomer(2000 + index), node: Node(index));
            var before = await CountAsync("TP_Islem_Iptal_Iade_Kismi2");

            // Both requests loaded the order before either finished (nopCommerce saves the copy it loaded).
            var first = _harness.Orders.Get(order.Id);
            var second = _harness.Orders.Get(order.Id);
            var results = await Task.WhenAll(
                Task.Run(() => _harness.RefundAsync(order.Id, 40.70m, partial: true, _a, first)),
                Task.Run(() => _harness.RefundAsync(order.Id, 40.70m, partial: true, _b, second)));

            var calls = await CountAsync("TP_Islem_Iptal_Iade_Kismi2") - before;
            refundCalls += calls;
            calls.Should().Be(1, "one of the two requests reaches Param");
            results.Count(result => result.Success).Should().Be(1);
            var atParam = await _harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId);
            atParam.Refunded.Should().Be(40.70m);
            _harness.Orders.Get(order.Id).RefundedAmount.Should().Be(atParam.Refunded, "the shop shows what Param refunded");
        }

        TestContext.Out.WriteLine($"{orders} double-clicked partial refunds on two nodes: {refundCalls} reached Param.");
    }

    [Test, Category(TestCategories.PreAuth)]
    public async Task AuthorizeOnly_CaptureDoubleClickedOrRacingAVoidOnTwoNodes_OnlyOneReachesParam_AndTheOrderIsWhatParamDid()
    {
        _harness.PluginSettings.TransactionMode = TransactionMode.AuthorizeOnly;
        _harness.Settings.Put(_harness.PluginSettings);
        const int orders = 10;
        var calls = 0;
        for (var index = 0; index < orders; index++)
        {
            var order = await _harness.AuthorizedOrderAsync(node: Node(index));
            var before = await CountAsync("TP_Islem_Odeme_OnProv_Kapa") + await CountAsync("TP_Islem_Iptal_OnProv");

            // Both requests loaded the order before either finished; half the time the second admin voids instead.
            var first = _harness.Orders.Get(order.Id);
            var second = _harness.Orders.Get(order.Id);
            var capture = Task.Run(() => _harness.CaptureAsync(order.Id, _a, first));
            var other = index % 2 == 0
                ? Task.Run(async () => (await _harness.CaptureAsync(order.Id, _b, second)).Success)
                : Task.Run(async () => (await _harness.VoidAsync(order.Id, _b, second)).Success);
            var succeeded = new[] { (await capture).Success, await other };

            var sent = await CountAsync("TP_Islem_Odeme_OnProv_Kapa") + await CountAsync("TP_Islem_Iptal_OnProv") - before;
            calls += sent;
            sent.Should().Be(1, "one of the two requests reaches Param");
            succeeded.Count(success => success).Should().Be(1);
            var atParam = await _harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId);
            var stored = _harness.Orders.Get(order.Id);
            stored.PaymentStatus.Should().Be(atParam.Status == "Captured" ? PaymentStatus.Paid : PaymentStatus.Voided, $"Param's transaction is {atParam.Status}");
            if (atParam.Status == "Captured")
                atParam.Captured.Should().Be(order.OrderTotal);
        }

        TestContext.Out.WriteLine($"{orders} authorized orders, capture double-clicked or racing a void on two nodes: {calls} calls reached Param.");
    }

    [Test]
    public async Task Refund_FromAnOrderLoadedBeforeAnotherRefund_IsRefused_NothingReachesParam()
    {
        var order = await _harness.PaidOrderAsync(customer: NewCustomer(3000));
        var stale = _harness.Orders.Get(order.Id);
        (await _harness.RefundAsync(order.Id, 20m, partial: true, _a)).Success.Should().BeTrue();
        var before = await CountAsync("TP_Islem_Iptal_Iade_Kismi2");

        var late = await _harness.RefundAsync(order.Id, 20m, partial: true, _b, stale);

        late.Success.Should().BeFalse();
        late.Errors.Should().ContainSingle().Which.Should().Contain("The order changed while this refund was being made");
        (await CountAsync("TP_Islem_Iptal_Iade_Kismi2")).Should().Be(before);
        _harness.Orders.Get(order.Id).RefundedAmount.Should().Be(20m);
    }

    [Test]
    public async Task Callback_WhileTheOtherNodesReconciliationRuns_CompletesTheSale()
    {
        // Node B's reconciliation is busy with an order whose TP_WMD_Pay answer was lost (its status query is slow)...
        _harness.PluginSettings.RequestTimeoutSeconds = 1;
        _harness.Settings.Put(_harness.PluginSettings);
        var lost = await _harness.CheckoutToBankAsync(customer: NewCustomer(4000), node: _a);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_WMD_Pay", Mode = FaultMode.Timeout, DelayMilliseconds = 2500 });
        (await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(lost, approve: true), _a)).Result.Should().Be(CallbackResult.Processing);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        _harness.PluginSettings.RequestTimeoutSeconds = 30;
        _harness.Settings.Put(_harness.PluginSettings);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Sorgulama4", Mode = FaultMode.Latency, DelayMilliseconds = 1500, Count = 3 });
        var order = await _harness.CheckoutToBankAsync(customer: NewCustomer(4001), node: _a);
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        // ...and holds node B's lock on this order too, as version 1.0's task did.
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = _b.Locker.PerformActionWithLockAsync($"Nop.paramPos.order.{order.Id}", TimeSpan.FromMinutes(1), async () => { held.SetResult(); await release.Task; });
        await held.Task;

        var reconciliation = Task.Run(() => _harness.ReconcileAsync(_b));
        var outcomes = await Task.WhenAll(Task.Run(() => _harness.PostCallbackAsync(callback, _a)), Task.Run(() => _harness.PostCallbackAsync(callback, _b)));
        release.SetResult();
        await holder;
        var summary = await reconciliation;

        outcomes.Should().OnlyContain(outcome => outcome.Result == CallbackResult.Paid);
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await _harness.Sandbox.RequestsPerOrderAsync("TP_WMD_Pay")).GetValueOrDefault(callback["orderId"]).Should().Be(1);
        summary.MarkedPaid.Should().Be(1, "the other order, whose answer was lost, is settled by the reconciliation: " + summary);
        _harness.Orders.Get(lost.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
    }

    [Test]
    public async Task PayAgain_RacingTheFirstAttemptsCallback_TheOrderRecordsTheChargedAttempt_AndRefundsWork()
    {
        const int rounds = 6;
        for (var index = 0; index < rounds; index++)
        {
            var customer = NewCustomer(5000 + index);
            var order = await _harness.CheckoutToBankAsync(customer: customer, node: _a);
            var first = await _harness.AuthenticateAsync(order, approve: true);
            var current = _harness.Orders.Get(order.Id);

            // The first attempt's callback on node A while the shopper pays again on node B (another tab).
            var callback = Task.Run(() => _harness.PostCallbackAsync(first, _a));
            var payAgain = Task.Run(() => _harness.InScopeAsync(services => services.GetRequiredService<PayAgainService>().SubmitAsync(current, CheckoutHarness.CardForm()), customer, _b));
            var firstOutcome = await callback;
            var (redirect, _) = await payAgain;
            if (redirect is not null)
                (await _harness.PostCallbackAsync(await _harness.AuthenticateAsync(order, approve: true), _b)).Result.Should().Be(CallbackResult.Paid);

            firstOutcome.Result.Should().Be(CallbackResult.Paid);
            var paid = _harness.Orders.Get(order.Id);
            paid.PaymentStatus.Should().Be(PaymentStatus.Paid);
            _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
            var ledger = await _harness.LedgerAsync(order);
            ledger.Entries.Count(entry => entry.Kind == LedgerEntryKind.Charge && entry.State == LedgerEntryState.Succeeded).Should().Be(1, "one charge");
            var charged = ledger.AttemptOf(ledger.PaidCharge);
            paid.AuthorizationTransactionId.Should().Be(charged.OrderReference, "the order records the attempt that was charged");

            var refund = await _harness.RefundAsync(order.Id, 10m, partial: true, _b);
            refund.Success.Should().BeTrue(string.Join(" ", refund.Errors));
            (await _harness.Sandbox.TransactionAsync(charged.OrderReference)).Refunded.Should().Be(10m);
        }
    }

    private static readonly FaultMode[] Faults = [FaultMode.Timeout, FaultMode.Http500, FaultMode.HtmlPage, FaultMode.MalformedXml, FaultMode.SoapFault, FaultMode.Disconnect];

    [TestCaseSource(nameof(Faults))]
    public async Task FaultAtPay_AfterReconciliation_TheOrderIsWhatParamSays_NeverChargedTwice(FaultMode mode)
    {
        _harness.PluginSettings.RequestTimeoutSeconds = 1;
        _harness.Settings.Put(_harness.PluginSettings);
        var order = await _harness.CheckoutToBankAsync(customer: NewCustomer(6000), node: _a);
        var callback = await _harness.AuthenticateAsync(order, approve: true);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_WMD_Pay", Mode = mode, DelayMilliseconds = 2500 });

        var outcome = await _harness.PostCallbackAsync(callback, _a);
        var replay = await _harness.PostCallbackAsync(callback, _b);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        var summaries = await Task.WhenAll(Task.Run(() => _harness.ReconcileAsync(_a)), Task.Run(() => _harness.ReconcileAsync(_b)));
        var again = await _harness.ReconcileAsync(_b);

        var atParam = await _harness.Sandbox.FindTransactionAsync(callback["orderId"]);
        var stored = _harness.Orders.Get(order.Id);
        (await _harness.Sandbox.RequestsPerOrderAsync("TP_WMD_Pay")).GetValueOrDefault(callback["orderId"]).Should().Be(1, "TP_WMD_Pay is never repeated");
        again.Checked.Should().Be(0, "settled once: " + again);
        TestContext.Out.WriteLine($"{mode}: callback {outcome.Result}, replay {replay.Result}, reconciliation {string.Join(" / ", summaries.Select(summary => summary.ToString()))}; Param: {atParam?.Status ?? "no transaction"}; order {stored.PaymentStatus}");
        if (atParam is { Status: "Paid" })
        {
            stored.PaymentStatus.Should().Be(PaymentStatus.Paid, "Param charged it");
            stored.CaptureTransactionId.Should().NotBeNullOrEmpty("paid with Param's receipt");
            _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
        }
        else
        {
            atParam.Should().BeNull("the sandbox carries out only a timed-out call");
            stored.PaymentStatus.Should().Be(PaymentStatus.Pending, "nothing was charged");
            _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(0);
            (await _harness.InScopeAsync(services => services.GetRequiredService<ParamPosPaymentMethod>().CanRePostProcessPaymentAsync(stored))).Should().BeTrue("the shopper can pay again");
        }

        _harness.Orders.Notes(order.Id).Count(note => note.Note.Contains("was not charged") || note.Note.Contains("was not carried out") || note.Note.Contains("payment confirmed by")).Should().Be(1, "the outcome is noted once, though both nodes reconcile");
    }

    [TestCaseSource(nameof(Faults))]
    public async Task FaultAtRefund_AfterReconciliation_TheOrderShowsWhatParamRefunded_NeverRefundedTwice(FaultMode mode)
    {
        _harness.PluginSettings.RequestTimeoutSeconds = 1;
        _harness.Settings.Put(_harness.PluginSettings);
        var order = await _harness.PaidOrderAsync(customer: NewCustomer(7000), node: _a);
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Iptal_Iade_Kismi2", Mode = mode, DelayMilliseconds = 2500 });
        var before = await CountAsync("TP_Islem_Iptal_Iade_Kismi2");

        var result = await _harness.RefundAsync(order.Id, 30m, partial: true, _a);
        var retry = await _harness.RefundAsync(order.Id, 30m, partial: true, _b);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        var summaries = await Task.WhenAll(Task.Run(() => _harness.ReconcileAsync(_a)), Task.Run(() => _harness.ReconcileAsync(_b)));

        var atParam = await _harness.Sandbox.TransactionAsync(order.AuthorizationTransactionId);
        var stored = _harness.Orders.Get(order.Id);
        TestContext.Out.WriteLine($"{mode}: refund {(result.Success ? "succeeded" : string.Join(" ", result.Errors))}; retry {(retry.Success ? "succeeded" : "refused")}; "
            + $"reconciliation {string.Join(" / ", summaries.Select(summary => summary.ToString()))}; Param refunded {atParam.Refunded}, the order shows {stored.RefundedAmount}");
        stored.RefundedAmount.Should().Be(atParam.Refunded, "the shop shows what Param refunded");
        atParam.Refunded.Should().BeOneOf(0m, 30m, 60m);
        (await CountAsync("TP_Islem_Iptal_Iade_Kismi2") - before).Should().BeLessThanOrEqualTo(2, "the lost refund is never sent again");
        if (!result.Success && mode != FaultMode.SoapFault)
            retry.Success.Should().BeFalse("while the first refund's outcome is unknown no other is sent");
    }

    [Test]
    public async Task Migration_CreatesTheLedgerTablesWithTheirUniqueIndexes_AndUninstallDropsThem()
    {
        var database = ((PostgresStorage)_harness.Storage).Database;
        await using var db = database.Connect();

        string[] Indexes() => db.Query<string>(
            "SELECT indexdef FROM pg_indexes WHERE tablename IN ('ParamPosPayment', 'ParamPosLedgerEntry') AND indexdef LIKE 'CREATE UNIQUE%' AND indexname NOT LIKE 'PK%' ORDER BY indexname").ToArray();
        string[] Columns() => db.Query<string>(
            "SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || CASE WHEN is_nullable = 'YES' THEN ' null' ELSE '' END "
            + "FROM information_schema.columns WHERE table_name IN ('ParamPosPayment', 'ParamPosLedgerEntry') ORDER BY table_name, ordinal_position").ToArray();

        Indexes().Should().Equal(
            "CREATE UNIQUE INDEX \"UX_ParamPosLedgerEntry_OrderGuid_Sequence\" ON public.\"ParamPosLedgerEntry\" USING btree (\"OrderGuid\", \"Sequence\")",
            "CREATE UNIQUE INDEX \"UX_ParamPosPayment_OrderGuid_AttemptNumber\" ON public.\"ParamPosPayment\" USING btree (\"OrderGuid\", \"AttemptNumber\")",
            "CREATE UNIQUE INDEX \"UX_ParamPosPayment_OrderReference\" ON public.\"ParamPosPayment\" USING btree (\"OrderReference\")");
        Columns().Should().Contain(["ParamPosPayment.OrderReference character varying(36)", "ParamPosPayment.OrderGuid uuid", "ParamPosPayment.Total numeric",
            "ParamPosLedgerEntry.Sequence integer", "ParamPosLedgerEntry.Amount numeric", "ParamPosLedgerEntry.RelatedEntryId integer null",
            "ParamPosLedgerEntry.ResultText character varying(500) null", "ParamPosLedgerEntry.CompletedOnUtc timestamp without time zone null"]);
        Columns().Should().NotContain(column => column.Contains(".Kind ") || column.Contains(".State "), "the enum wrappers are not columns");
        TestContext.Out.WriteLine(string.Join("\n", Columns()));

        database.MigrateDown(typeof(StoreSchemaMigration).Assembly, typeof(Data.SchemaMigration).Assembly);

        Columns().Should().BeEmpty("uninstalling reverses the migration");
    }

    [Test, Category(TestCategories.Reconciliation)]
    public async Task ADayCheckedOnBothNodesAtOnce_KeepsOneReport()
    {
        await _harness.PaidOrderAsync();
        var day = Payments.TurkishTime.DayOf(_harness.Clock.GetUtcNow());

        var reports = await Task.WhenAll(Enumerable.Range(0, 6).Select(index => Task.Run(() =>
            _harness.InScopeAsync(services => services.GetRequiredService<Payments.DailyReconciliationService>().CheckAsync(_harness.Shop.Store.Id, day), node: Node(index)))));

        reports.Should().OnlyContain(report => report.IsClean);
        var database = ((PostgresStorage)_harness.Storage).Database;
        await using var db = database.Connect();
        db.Query<int>("SELECT count(*) FROM \"ParamPosReconciliationDay\"").Single().Should().Be(1, "the unique index (store, day) keeps one row");
        db.Query<string>("SELECT indexdef FROM pg_indexes WHERE tablename = 'ParamPosReconciliationDay' AND indexdef LIKE 'CREATE UNIQUE%' AND indexname NOT LIKE 'PK%'").Should()
            .Equal("CREATE UNIQUE INDEX \"UX_ParamPosReconciliationDay_StoreId_Day\" ON public.\"ParamPosReconciliationDay\" USING btree (\"StoreId\", \"Day\")");
    }
}
