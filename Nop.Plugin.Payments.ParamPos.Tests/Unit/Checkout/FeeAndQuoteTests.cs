using System.Globalization;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Installments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Checkout;

/// <summary>
/// Commission math to the kuruş: Toplam = Islem + Islem × rate / 100, rounded once, half away from zero; the fee is
/// Toplam − Islem; the offers follow the store's rules.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Checkout)]
public class FeeAndQuoteTests
{
    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    [TestCase("100.00", "1.75", "101.75", "1.75")]
    [TestCase("250.00", "1.75", "254.38", "4.38")]     // 254.375: the midpoint goes up
    [TestCase("10.01", "1.75", "10.19", "0.18")]       // 10.1851… (the captured test sale charged 10,01 at 1.75 % to the merchant)
    [TestCase("100.00", "4.10", "104.10", "4.10")]
    [TestCase("99.99", "3.49", "103.48", "3.49")]      // 103.4796…
    [TestCase("0.10", "5.00", "0.11", "0.01")]         // 0.105: half away from zero
    [TestCase("1234567.89", "14.49", "1413456.78", "178888.89")]  // 1413456.777…
    [TestCase("100.00", "0", "100.00", "0.00")]
    public void CustomerPays_TotalAndFee(string amount, string rate, string total, string fee)
    {
        ParamPosFeeCalculator.ChargedTotal(D(amount), D(rate), CommissionPayer.Customer).Should().Be(D(total));
        ParamPosFeeCalculator.Fee(D(amount), D(rate), CommissionPayer.Customer).Should().Be(D(fee));
        (D(amount) + ParamPosFeeCalculator.Fee(D(amount), D(rate), CommissionPayer.Customer)).Should().Be(D(total), "order total = amount + fee = what is charged");
    }

    [TestCase("100.00", "4.10")]
    [TestCase("250.00", "1.75")]
    public void MerchantAbsorbs_NoFeeAndTotalIsTheAmount(string amount, string rate)
    {
        ParamPosFeeCalculator.ChargedTotal(D(amount), D(rate), CommissionPayer.Merchant).Should().Be(D(amount));
        ParamPosFeeCalculator.Fee(D(amount), D(rate), CommissionPayer.Merchant).Should().Be(0m);
    }

    [Test]
    public void NegativeRate_IsNotACommission()
    {
        FluentActions.Invoking(() => ParamPosFeeCalculator.TotalWithCommission(100m, -2m)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [TestCase("104.10", 3, "34.70")]
    [TestCase("100.00", 3, "33.33")]
    [TestCase("100.00", 1, "100.00")]
    public void Monthly_IsForDisplay(string total, int installments, string monthly)
    {
        ParamPosFeeCalculator.Monthly(D(total), installments).Should().Be(D(monthly));
    }

    private static InstallmentPolicy Settings(int maximum = 12, decimal minimum = 0m, bool enabled = true, CommissionPayer payer = CommissionPayer.Customer) =>
        new(enabled, maximum, minimum, payer);

    private static readonly CardProgramRates Axess = new()
    {
        PosId = 1014,
        Name = "Axess",
        Rates = new Dictionary<int, decimal> { [1] = 1.75m, [2] = 3.20m, [3] = 4.10m, [4] = -2m, [5] = -2m, [6] = 7.90m, [7] = -1m, [8] = -2m }
    };

    private static CardProfile Card(int posId = 1014, bool debit = false) => new(posId, debit, "AKBANK T.A.Ş.", "Axess");

    [Test]
    public void Quote_SinglePaymentFirst_NotOfferedRatesLeftOut()
    {
        var quote = InstallmentQuoteBuilder.Build(100m, Card(), [Axess], Settings());

        quote.Options.Select(option => option.Installments).Should().Equal(1, 2, 3, 6);
        quote.Option(3).Should().Be(new InstallmentOption(3, 4.10m, 104.10m, 34.70m, 4.10m));
        quote.Option(4).Should().BeNull("-2");
        quote.Option(7).Should().BeNull("-1");
        quote.CardFamily.Should().Be("Axess");
    }

    [Test]
    public void Quote_RespectsTheMaximum()
    {
        InstallmentQuoteBuilder.Build(100m, Card(), [Axess], Settings(maximum: 3)).Options.Select(option => option.Installments).Should().Equal(1, 2, 3);
    }

    [Test]
    public void Quote_DebitCard_SinglePaymentOnly()
    {
        var quote = InstallmentQuoteBuilder.Build(100m, Card(debit: true), [Axess], Settings());

        quote.IsDebit.Should().BeTrue();
        quote.Options.Should().ContainSingle().Which.Installments.Should().Be(1);
    }

    [Test]
    public void Quote_UnderTheMinimum_SinglePaymentOnly()
    {
        InstallmentQuoteBuilder.Build(99.99m, Card(), [Axess], Settings(minimum: 100m)).Options.Should().ContainSingle();
        InstallmentQuoteBuilder.Build(100m, Card(), [Axess], Settings(minimum: 100m)).Options.Should().HaveCount(4);
    }

    [Test]
    public void Quote_InstallmentsOff_SinglePaymentOnly()
    {
        InstallmentQuoteBuilder.Build(500m, Card(), [Axess], Settings(enabled: false)).Options.Should().ContainSingle();
    }

    [Test]
    public void Quote_MerchantAbsorbs_TotalsAreTheAmount()
    {
        var quote = InstallmentQuoteBuilder.Build(100m, Card(), [Axess], Settings(payer: CommissionPayer.Merchant));

        quote.Options.Should().OnlyContain(option => option.Total == 100m && option.Fee == 0m);
    }

    [Test]
    public void Quote_UnknownProgram_SinglePaymentWithoutCommission()
    {
        var quote = InstallmentQuoteBuilder.Build(100m, Card(posId: 9999), [Axess], Settings());

        quote.Options.Should().ContainSingle().Which.Should().Be(new InstallmentOption(1, 0m, 100m, 100m, 0m));
    }
}
