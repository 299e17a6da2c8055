using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Payments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Reconciliation;

/// <summary>
/// The matching rules on hand-made days: what is compared, what is left out (another store on the account, Paratika's
/// payments, a held pre-authorization), and the cross-check of Param's list against its own totals.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Reconciliation)]
public class ParamRecordsMatcherTests
{
    private static ParamPosPayment Attempt(string reference, int storeId = 1, PaymentKind kind = PaymentKind.ThreeDModelSale) =>
        new() { Id = reference.GetHashCode() & 0xFFFF, OrderGuid = Guid.NewGuid(), OrderReference = reference, StoreId = storeId, Kind = kind, CurrencyCode = "TRY" };

    private static ParamPosLedgerEntry Entry(ParamPosPayment attempt, LedgerEntryKind kind, decimal amount) =>
        new() { PaymentId = attempt.Id, Kind = kind, State = LedgerEntryState.Succeeded, Amount = amount, ReceiptId = "1" };

    private static MonitoredTransaction Sale(string reference, decimal amount, int result = 1) =>
        new() { Kind = MonitoredKind.Sale, OrderId = reference, Amount = amount, Result = result, ReceiptId = result == 1 ? "7" : null, Commission = amount / 100m, Net = amount - amount / 100m };

    private static IReadOnlyDictionary<string, ParamPosPayment> Known(params ParamPosPayment[] attempts) => attempts.ToDictionary(attempt => attempt.OrderReference);

    [Test]
    public void AnotherStoresPayment_AndParatikasPayments_AreNotDifferences()
    {
        var otherStore = Attempt("B-1", storeId: 2);
        var paratika = Attempt("P-1", kind: PaymentKind.ParatikaHostedSale);

        var (differences, param, store) = ParamRecordsMatcher.Match([Sale("B-1", 50m)], null,
            [(otherStore, Entry(otherStore, LedgerEntryKind.Charge, 50m)), (paratika, Entry(paratika, LedgerEntryKind.Charge, 80m))], Known(otherStore, paratika), storeId: 1);

        differences.Should().BeEmpty();
        param.Sales.Should().Be(0);
        store.Sales.Should().Be(0);
    }

    [Test]
    public void AHeldPreAuthorization_IsNoSale_ItsCaptureIs()
    {
        var held = Attempt("H-1", kind: PaymentKind.ThreeDModelPreAuthorization);
        var captured = Attempt("H-2", kind: PaymentKind.ThreeDModelPreAuthorization);

        var (differences, _, store) = ParamRecordsMatcher.Match([Sale("H-2", 90m)], null,
            [(held, Entry(held, LedgerEntryKind.Charge, 70m)), (captured, Entry(captured, LedgerEntryKind.Charge, 90m)), (captured, Entry(captured, LedgerEntryKind.Capture, 90m))],
            Known(held, captured), storeId: 1);

        differences.Should().BeEmpty();
        store.Sales.Should().Be(1);
    }

    [Test]
    public void DeclinedSales_AreCounted_NotCompared()
    {
        var attempt = Attempt("D-1");

        var (differences, param, _) = ParamRecordsMatcher.Match([Sale("D-1", 30m, result: 2), Sale("D-1", 30m, result: -1)], null, [], Known(attempt), storeId: 1);

        differences.Should().BeEmpty();
        param.Declines.Should().Be(2);
    }

    [Test]
    public void ParamsListAndItsTotals_AreCrossChecked()
    {
        var attempt = Attempt("T-1");
        var totals = new ReconciliationTotals { SaleCount = 2, SaleTotal = 150m };

        var (differences, _, _) = ParamRecordsMatcher.Match([Sale("T-1", 100m)], totals, [(attempt, Entry(attempt, LedgerEntryKind.Charge, 100m))], Known(attempt), storeId: 1);

        differences.Should().ContainSingle().Which.Should().Be(new ReconciliationDifference(DifferenceKind.TotalsDiffer, null, null, null, 100m, 150m));
        differences[0].Describe().Should().Contain("TP_Mutabakat_Ozet");
    }

    [Test]
    public void AnInstallmentSaleInSeveralRows_IsSummedBeforeComparing()
    {
        var attempt = Attempt("I-1");

        var (differences, _, _) = ParamRecordsMatcher.Match([Sale("I-1", 60m), Sale("I-1", 40m)], null, [(attempt, Entry(attempt, LedgerEntryKind.Charge, 100m))], Known(attempt), storeId: 1);

        differences.Should().BeEmpty();
    }
}
