using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Installments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Checkout;

/// <summary>
/// The installment table widget's numbers: per card family, the checkout's own quote for a credit card of that family.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Widget)]
public class InstallmentTableTests
{
    private static readonly IReadOnlyList<CardProgramRates> Programs =
    [
        new() { PosId = 1014, Name = "Axess", Rates = new Dictionary<int, decimal> { [1] = 1.75m, [2] = 3.20m, [3] = 4.10m, [6] = 7.90m } },
        new() { PosId = 1029, Name = "Bonus", Rates = new Dictionary<int, decimal> { [1] = 1.90m, [2] = -2m, [3] = 4.45m, [9] = 11.2m, [12] = 14.35m } },
        new() { PosId = 1050, Name = "Kapalı", Rates = new Dictionary<int, decimal> { [1] = -1m, [2] = -2m } }
    ];

    [TestCase(100, CommissionPayer.Customer)]
    [TestCase(1250.37, CommissionPayer.Customer)]
    [TestCase(0.99, CommissionPayer.Customer)]
    [TestCase(1250.37, CommissionPayer.Merchant)]
    public void EachFamily_IsTheCheckoutQuote_ForACreditCardOfThatFamily(decimal amount, CommissionPayer payer)
    {
        var policy = new InstallmentPolicy(true, 12, 0m, payer);

        var table = InstallmentTableBuilder.Build(amount, Programs, policy, new HashSet<int>());

        table.Select(quote => quote.CardFamily).Should().Equal("Axess", "Bonus");
        foreach (var quote in table)
            quote.Options.Should().Equal(InstallmentQuoteBuilder.Build(amount, new CardProfile(quote.PosId, IsDebit: false), Programs, policy).Options);
        table[0].Option(3)!.Total.Should().Be(payer == CommissionPayer.Customer ? ParamAmount.RoundToKurus(amount) + Math.Round(ParamAmount.RoundToKurus(amount) * 4.10m / 100m, 2, MidpointRounding.AwayFromZero) : ParamAmount.RoundToKurus(amount));
        table[1].Options.Select(option => option.Installments).Should().Equal(1, 3, 9, 12);
    }

    [Test]
    public void TheStoresChoices_Apply_AsAtCheckout()
    {
        InstallmentTableBuilder.Build(100m, Programs, new InstallmentPolicy(true, 3, 0m, CommissionPayer.Customer), new HashSet<int> { 1029 })
            .Should().ContainSingle().Which.Options.Select(option => option.Installments).Should().Equal(1, 3);
        InstallmentTableBuilder.Build(100m, Programs, new InstallmentPolicy(false, 12, 0m, CommissionPayer.Customer), new HashSet<int>())
            .Should().OnlyContain(quote => quote.Options.Count == 1 && quote.Options[0].Installments == 1);
        InstallmentTableBuilder.Build(99m, Programs, new InstallmentPolicy(true, 12, 100m, CommissionPayer.Customer), new HashSet<int>())
            .Should().OnlyContain(quote => quote.Options.Count == 1, "below the minimum amount only a single payment is offered");
    }

    [Test]
    public void TheFamiliesSetting_IsReadAsSanalPosIds()
    {
        InstallmentTableBuilder.Families("1029, 1014;x -5 ,, 1014").Should().BeEquivalentTo([1029, 1014]);
        InstallmentTableBuilder.Families(null).Should().BeEmpty();
    }
}
