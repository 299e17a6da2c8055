using FluentAssertions;
using NUnit.Framework;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

/// <summary>Param's success rules (ParamPOS.md §10, §11) with values from the captured messages.</summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Gateway)]
public class ParamResultRulesTests
{
    [TestCase("1", 1)]
    [TestCase(" -210 ", -210)]
    [TestCase("", 0)]
    [TestCase(null, 0)]
    [TestCase("abc", 0)]
    public void ParseSonuc_ReadsStringAndIntForms(string sonuc, int expected)
    {
        ParamResultRules.ParseSonuc(sonuc).Should().Be(expected);
    }

    [Test]
    public void ThreeDStart_NeedsPositiveSonucAndTheBanksPage()
    {
        ParamResultRules.IsThreeDStarted(1, "<!DOCTYPE html><html>…").Should().BeTrue();
        ParamResultRules.IsThreeDStarted(1, "NONSECURE").Should().BeFalse();
        ParamResultRules.IsThreeDStarted(-1, "<html>").Should().BeFalse();
        ParamResultRules.IsThreeDStarted(1, "").Should().BeFalse();
    }

    [Test]
    public void NonSecure_NeedsTheMarkerAndAReceipt()
    {
        ParamResultRules.IsNonSecureApproved(1, "NONSECURE", 3007296556).Should().BeTrue();
        ParamResultRules.IsNonSecureApproved(-1, "NONSECURE", 0).Should().BeFalse("the captured bank decline");
        ParamResultRules.IsNonSecureApproved(1, "NONSECURE", 0).Should().BeFalse();
        ParamResultRules.IsNonSecureApproved(1, "'NONSECURE!'", 3007296556).Should().BeFalse("compared exactly");
    }

    [Test]
    public void Pay_NeedsPositiveSonucAndReceipt()
    {
        ParamResultRules.IsPaymentCompleted(1, "3007295376").Should().BeTrue();
        ParamResultRules.IsPaymentCompleted(1, "0").Should().BeFalse();
        ParamResultRules.IsPaymentCompleted(1, null).Should().BeFalse();
        ParamResultRules.IsPaymentCompleted(-100, "3007295376").Should().BeFalse();
    }

    [Test]
    public void MdStatus_OnlyFullThreeDByDefault()
    {
        ParamResultRules.IsThreeDAuthenticated("1").Should().BeTrue();
        foreach (var status in new[] { "0", "2", "3", "4", "5", "6", "7", "8", "", null, "01" })
            ParamResultRules.IsThreeDAuthenticated(status).Should().BeFalse($"mdStatus '{status}'");
    }

    [Test]
    public void MdStatus_HalfThreeDWhenConfigured()
    {
        var accepted = ParamResultRules.ParseAcceptedMdStatuses("1, 2,3;4");

        ParamResultRules.IsThreeDAuthenticated("2", accepted).Should().BeTrue();
        ParamResultRules.IsThreeDAuthenticated("4", accepted).Should().BeTrue();
        ParamResultRules.IsThreeDAuthenticated("5", accepted).Should().BeFalse();
    }

    [TestCase("", "1")]
    [TestCase("0,5,8", "1")]
    [TestCase("2", "2")]
    public void ParseAcceptedMdStatuses_NeverAcceptsFailures(string configured, string expected)
    {
        ParamResultRules.ParseAcceptedMdStatuses(configured).Should().BeEquivalentTo(expected.Split(','));
    }

    [Test]
    public void Query_SettledOnlyForOdemeSonuc1()
    {
        ParamResultRules.IsSaleSettled(1, 1).Should().BeTrue();
        ParamResultRules.IsSaleSettled(1, 13).Should().BeFalse();
        ParamResultRules.IsSaleSettled(-209, 1).Should().BeFalse();
    }

    [Test]
    public void ErrorCatalog_ExplainsKnownCodesInBothLanguages()
    {
        var error = ParamError.FromResult(-102, "Islem Hash gecersiz");
        var (english, turkish) = ParamErrorCatalog.Explain(error);

        english.Should().Contain("hash");
        turkish.Should().Contain("geçersiz");
        error.ToString().Should().Be("Param -102: 'Islem Hash gecersiz'", "the gateway says what Param said; the plugin explains it");
        ParamErrorCatalog.Describe(error).Should().Be("Param -102: The transaction hash (Islem_Hash) is invalid. (Param: 'Islem Hash gecersiz')");
        ParamErrorCatalog.Explain(ParamError.FromResult(-999, "Bilinmeyen")).English.Should().Be("Param reported error -999: Bilinmeyen");
        ParamErrorCatalog.Explain(ParamError.FromResult(-1, "Red", "51")).English.Should().Be("Insufficient funds or card limit.");
        ParamErrorCatalog.ExplainMdStatus("0").Turkish.Should().Be("3D Secure doğrulaması başarısız oldu.");
    }
}
