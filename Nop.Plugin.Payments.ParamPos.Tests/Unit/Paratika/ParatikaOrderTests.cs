using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Plugin.Payments.ParamPos.Payments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Paratika;

/// <summary>
/// The rules that turn an order into a Paratika session and Paratika's records into the order's state: lines that add
/// up to the amount to the kuruş whatever the discounts, phone numbers in the international form, and the reading of a
/// transaction list (OPEN-QUESTIONS B9: a void is the sale row VD or an approved VOID row).
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Paratika)]
public class ParatikaOrderTests
{
    private static readonly (string, string, string) Extra = ("OTHER", "Tax and other charges", string.Empty);

    [Test]
    public void Balance_KeepsLinesThatAlreadyAddUp()
    {
        var lines = ParatikaOrderItems.Balance([new("A", "A", "", 70m), new("B", "B", "", 30.5m)], 100.5m, Extra);

        lines.Select(line => line.Amount).Should().Equal(70m, 30.5m);
    }

    [Test]
    public void Balance_AddsWhatTheAmountHasAboveTheLines_AsOneLine()
    {
        var lines = ParatikaOrderItems.Balance([new("A", "A", "", 70m)], 88.4m, Extra);

        lines.Should().HaveCount(2);
        lines[1].Should().Be(new ParatikaOrderItem("OTHER", "Tax and other charges", string.Empty, 18.4m));
    }

    [Test]
    public void Balance_TakesADiscountOffTheLargestLinesFirst_NeverBelowZero()
    {
        var lines = ParatikaOrderItems.Balance([new("A", "A", "", 10m), new("B", "B", "", 50m), new("C", "C", "", 40m)], 5m, Extra);

        lines.Should().ContainSingle().Which.Should().Be(new ParatikaOrderItem("A", "A", "", 5m), "50 and 40 are used up first, then 5 of the 10");
        lines.Sum(line => line.Amount).Should().Be(5m);
    }

    [Test]
    public void Balance_RoundsToTheKurusBeforeAddingUp()
    {
        var lines = ParatikaOrderItems.Balance([new("A", "A", "", 33.333m), new("B", "B", "", 33.333m), new("C", "C", "", 33.334m)], 100m, Extra);

        lines.Sum(line => line.Amount).Should().Be(100m);
        lines.Should().OnlyContain(line => line.Amount == Math.Round(line.Amount, 2));
    }

    [TestCase("0555 111 22 33", "+905551112233")]
    [TestCase("+90 (555) 111 22 33", "+905551112233")]
    [TestCase("5551112233", "+905551112233")]
    [TestCase("905551112233", "+905551112233")]
    [TestCase("+49 30 1234567", "+49301234567")]
    [TestCase("1234", null)]
    [TestCase(null, null)]
    public void Phone_IsSentInTheInternationalForm_OrNotAtAll(string phone, string expected)
    {
        ParatikaSessionBuilder.InternationalPhone(phone).Should().Be(expected);
    }

    private static ParatikaTransactions Records(params ParatikaTransaction[] rows) => new() { ResponseCode = "00", Transactions = rows };

    private static ParatikaTransaction Row(string type, string status, decimal amount) => new("T" + type + status + amount, type, status, amount, "TRY", 1, "4509", "450803", null);

    [Test]
    public void Status_ReadsTheWholeHistory()
    {
        ProviderStatus Read(ParatikaTransactions records) => ProviderStatus.FromParatika(records, "MPID");

        Read(Records()).State.Should().Be(TransactionState.NotFound);
        Read(Records(Row("SALE", "FA", 100m))).State.Should().Be(TransactionState.Failed);
        Read(Records(Row("SALE", "FA", 100m), Row("SALE", "AP", 100m))).Should().Match<ProviderStatus>(status =>
            status.State == TransactionState.Paid && status.ReceiptId == "TSALEAP100" && status.TotalAmount == 100m && status.QueryName == "QUERYTRANSACTION");
        Read(Records(Row("SALE", "VD", 100m), Row("VOID", "AP", 100m))).State.Should().Be(TransactionState.Cancelled);
        Read(Records(Row("SALE", "AP", 100m), Row("VOID", "AP", 100m))).State.Should().Be(TransactionState.Cancelled, "an approved VOID row is a void even if the sale row still says AP");
        Read(Records(Row("SALE", "AP", 100m), Row("PTREFUND", "AP", 40m))).Should().Match<ProviderStatus>(status => status.State == TransactionState.Paid && status.RefundedAmount == 40m);
        Read(Records(Row("SALE", "AP", 100m), Row("PTREFUND", "AP", 40m), Row("REFUND", "FA", 60m), Row("PTREFUND", "AP", 60m))).State.Should().Be(TransactionState.Refunded);
    }
}
