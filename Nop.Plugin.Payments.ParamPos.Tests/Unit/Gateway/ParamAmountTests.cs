using System.Globalization;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

/// <summary>
/// Money on the wire is the same whatever the server's culture (tr-TR writes "1.000,50", en-US "1,000.50").
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Gateway)]
[TestFixtureSource(nameof(Cultures))]
public class ParamAmountTests
{
    private static readonly string[] Cultures = ["tr-TR", "en-US", ""];
    private readonly string _culture;
    private CultureInfo _previous;
    private CultureInfo _previousUi;

    public ParamAmountTests(string culture)
    {
        _culture = culture;
    }

    [SetUp]
    public void UseCulture()
    {
        _previous = CultureInfo.CurrentCulture;
        _previousUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(_culture);
    }

    [TearDown]
    public void RestoreCulture()
    {
        CultureInfo.CurrentCulture = _previous;
        CultureInfo.CurrentUICulture = _previousUi;
    }

    [TestCase("0", "0,00")]
    [TestCase("0.01", "0,01")]
    [TestCase("1", "1,00")]
    [TestCase("100.5", "100,50")]
    [TestCase("1000.50", "1000,50")]
    [TestCase("1234567.89", "1234567,89")]
    public void FormatPayment_CommaTwoPlacesNoGrouping(string amount, string expected)
    {
        ParamAmount.FormatPayment(decimal.Parse(amount, CultureInfo.InvariantCulture)).Should().Be(expected);
    }

    [TestCase("10.01", "10.01")]
    [TestCase("50.5", "50.50")]
    [TestCase("1234.56", "1234.56")]
    [TestCase("7", "7.00")]
    public void FormatDouble_DotNoGrouping(string amount, string expected)
    {
        ParamAmount.FormatDouble(decimal.Parse(amount, CultureInfo.InvariantCulture)).Should().Be(expected);
    }

    [Test]
    public void Format_RefusesNegativeOrSubKurusAmounts()
    {
        FluentActions.Invoking(() => ParamAmount.FormatPayment(-1m)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ParamAmount.FormatPayment(1.005m)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ParamAmount.FormatDouble(0.001m)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [TestCase("10,01", "10.01")]
    [TestCase("1000,50", "1000.50")]
    [TestCase("1.000,01", "1000.01")]
    [TestCase("1.234.567,89", "1234567.89")]
    public void TryParsePayment_ReadsCommaForms(string text, string expected)
    {
        ParamAmount.TryParsePayment(text, out var amount).Should().BeTrue();
        amount.Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [TestCase("10.01")]
    [TestCase("10,1")]
    [TestCase("10")]
    [TestCase("1,000.50")]
    [TestCase("10.00,01")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("-5,00")]
    public void TryParsePayment_RefusesOtherForms(string text)
    {
        ParamAmount.TryParsePayment(text, out _).Should().BeFalse();
    }

    [TestCase("10.01", "10.01")]
    [TestCase("0", "0")]
    [TestCase("1.75", "1.75")]
    [TestCase("-2.0000", "-2")]
    public void TryParseDouble_ReadsQueryResults(string text, string expected)
    {
        ParamAmount.TryParseDouble(text, out var amount).Should().BeTrue();
        amount.Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [TestCase("254.375", "254.38")]
    [TestCase("0.505", "0.51")]
    [TestCase("2.675", "2.68")]
    [TestCase("101.745", "101.75")]
    [TestCase("10.004", "10.00")]
    public void RoundToKurus_HalfAwayFromZero(string amount, string expected)
    {
        ParamAmount.RoundToKurus(decimal.Parse(amount, CultureInfo.InvariantCulture)).Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }
}
