using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Nop.Plugin.Payments.ParamPos.Payments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Checkout;

[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Checkout)]
public class PaymentFormTests
{
    private static readonly DateTime Today = new(2026, 11, 22);

    private static IFormCollection Form(string number = "5571 1355 7113 5575", string month = "12", string year = "2028", string cvc = "000", string holder = "Ayşe Yılmaz", string installments = "3")
    {
        return new FormCollection(new Dictionary<string, StringValues>
        {
            ["CardholderName"] = holder, ["CardNumber"] = number, ["ExpireMonth"] = month, ["ExpireYear"] = year, ["CardCode"] = cvc, ["Installments"] = installments
        });
    }

    [Test]
    public void ValidCard_IsRead()
    {
        var (card, installments, errors) = PaymentForm.Read(Form(), Today);

        errors.Should().BeEmpty();
        card.Should().Be(new CardDetails("Ayşe Yılmaz", "5571135571135575", 12, 2028, "000"));
        card.ToString().Should().Be("card 557113******5575");
        installments.Should().Be(3);
    }

    [TestCase("5571-1355-7113-5575")]
    [TestCase("5571135571135575")]
    public void CardNumber_SeparatorsAreIgnored(string number)
    {
        PaymentForm.Read(Form(number: number), Today).Card.Number.Should().Be("5571135571135575");
    }

    [TestCase("5571135571135576", "Validation.CardNumberInvalid")]    // Luhn
    [TestCase("55711355711355", "Validation.CardNumberInvalid")]      // 14 digits
    [TestCase("5571a35571135575", "Validation.CardNumberInvalid")]
    public void BadNumber_IsRefused(string number, string error)
    {
        PaymentForm.Read(Form(number: number), Today).Errors.Should().Contain(error);
    }

    [TestCase("10", "2026", "Validation.CardExpired")]
    [TestCase("13", "2027", "Validation.ExpiryInvalid")]
    [TestCase("", "2027", "Validation.ExpiryInvalid")]
    [TestCase("12", "2099", "Validation.ExpiryInvalid")]
    public void BadExpiry_IsRefused(string month, string year, string error)
    {
        PaymentForm.Read(Form(month: month, year: year), Today).Errors.Should().Contain(error);
    }

    [Test]
    public void TwoDigitYear_IsAccepted()
    {
        PaymentForm.Read(Form(year: "28"), Today).Card.ExpiryYear.Should().Be(2028);
    }

    [Test]
    public void ThisMonth_IsStillValid()
    {
        PaymentForm.Read(Form(month: "11", year: "2026"), Today).Errors.Should().BeEmpty();
    }

    [TestCase("5571135571135575", "1234", "Validation.CvcInvalid")]
    [TestCase("5571135571135575", "12", "Validation.CvcInvalid")]
    [TestCase("378282246310005", "123", "Validation.CvcInvalid")]     // American Express needs 4
    public void BadCvc_IsRefused(string number, string cvc, string error)
    {
        PaymentForm.Read(Form(number: number, cvc: cvc), Today).Errors.Should().Contain(error);
    }

    [Test]
    public void Amex_WithFourDigitCode_IsRead()
    {
        PaymentForm.Read(Form(number: "378282246310005", cvc: "1234"), Today).Errors.Should().BeEmpty();
    }

    [TestCase("0")]
    [TestCase("13")]
    [TestCase("three")]
    public void BadInstallmentCount_IsRefused(string installments)
    {
        PaymentForm.Read(Form(installments: installments), Today).Errors.Should().Contain("Validation.InstallmentNotOffered");
    }

    [Test]
    public void MissingHolder_IsRefused()
    {
        PaymentForm.Read(Form(holder: " "), Today).Errors.Should().Contain("Validation.CardholderRequired");
    }
}
