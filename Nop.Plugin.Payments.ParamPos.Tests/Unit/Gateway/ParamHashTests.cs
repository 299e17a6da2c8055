using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

/// <summary>
/// The published vectors of ParamPOS.md §6, reproduced exactly; every positive vector has a tampered twin.
/// (The §6.1/§6.3/§6.4 vectors come from mewebstudio/pos's ParamPosCryptTest, MIT; §6.2 examples were computed by the
/// protocol author and verified there.)
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Gateway)]
public class ParamHashTests
{
    private const string GUID = "0c13d406-873b-403b-9c09-a5766840d98c";

    [Test]
    public void Sha2B64_ReproducesThePublishedVector()
    {
        ParamHash.Sha2B64("107380c13d406-873b-403b-9c09-a5766840d98c31.000,011.000,01202412293F4E").Should().Be("jsLYSB3lJ81leFgDLw4D8PbXURs=");
    }

    [Test]
    public void Sha2B64_IsSha1NotSha256()
    {
        ParamHash.Sha2B64("107380c13d406-873b-403b-9c09-a5766840d98c31.000,011.000,01202412293F4E").Should().NotBe("j5FMnxu83Xgctk8JOPYf8ERKEls27PVYxRCJb63GYCI=");
    }

    [Test]
    public void Sha2B64_HashesTurkishTextAsIso88599()
    {
        // "ş" is 0xFE in ISO-8859-9 and two bytes in UTF-8: the hash must be over the single Latin-5 byte.
        var latin5 = System.Security.Cryptography.SHA1.HashData(new byte[] { 0xFE });

        ParamHash.Sha2B64("ş").Should().Be(Convert.ToBase64String(latin5));
    }

    [Test]
    public void ForSale_ReproducesTheWorkedExample()
    {
        ParamHash.ForSale("10738", GUID, 1, "100,00", "101,75", "ORD-20250101-0001").Should().Be("qUqwNQ5uFANONs0kg2RB1aFH35o=");
    }

    [Test]
    public void ForSale_TamperedTotal_Differs()
    {
        ParamHash.ForSale("10738", GUID, 1, "100,00", "100,00", "ORD-20250101-0001").Should().NotBe("qUqwNQ5uFANONs0kg2RB1aFH35o=");
    }

    [TestCase("250,00", "250,00", "ORD-20250101-0002", "nEjr3dcEHtxjMJknEqhvRYY7V8E=")]
    public void ForPreAuthorization_ReproducesTheWorkedExample(string islem, string toplam, string order, string expected)
    {
        ParamHash.ForPreAuthorization("10738", GUID, islem, toplam, order, "https://shop.example.com/param/fail", "https://shop.example.com/param/ok").Should().Be(expected);
        ParamHash.ForPreAuthorization("10738", GUID, islem, toplam, order, "https://shop.example.com/param/ok", "https://shop.example.com/param/fail").Should().NotBe(expected, "the URLs are hashed in the order Hata_URL, Basarili_URL");
    }

    [Test]
    public void ForeignCurrencyExample_UsesTheSameFormulaAsPreAuthorization()
    {
        // §6.2: TP_Islem_Odeme_WD hashes CLIENT_CODE + GUID + Islem_Tutar + Toplam_Tutar + Siparis_ID + Hata_URL + Basarili_URL.
        ParamHash.ForPreAuthorization("10738", GUID, "50,00", "50,00", "ORD-20250101-0003", "https://shop.example.com/param/fail", "https://shop.example.com/param/ok")
            .Should().Be("5yx59ua58dEDYNgNkL5MZkYVJNg=");
    }

    private static readonly object[] CallbackVectors =
    [
        new object[] { "35513153-9902-4a4c-a256-af6ed9cadc52", "581877:A65A349B0BAE27FC6567294215158DD8AE223843B5C96462F04A750CA7E8B165:3680:##500100000", "1", "2025011749D1", "b1D7+nI3j4k3WGJuhW5IuPOFpEE=" },
        new object[] { "c1ee369b-ec27-4ab6-8c27-2e15e62793d3", "444676:84E83D96A7CEC3A5815D49EB7F64D2709D1BC30425D578D118B9819A81749FB8:4429:##190100000", "0", "20241229C152", "N1/W7/GcbuT3UVwVM9Q5C/rmoKg=" }
    ];

    [TestCaseSource(nameof(CallbackVectors))]
    public void ForThreeDCallback_ReproducesTheCapturedCallbacks(string islemGuid, string md, string mdStatus, string orderId, string expected)
    {
        ParamHash.ForThreeDCallback(islemGuid, md, mdStatus, orderId, GUID).Should().Be(expected);
        ParamHash.VerifyThreeDCallback(expected, islemGuid, md, mdStatus, orderId, GUID).Should().BeTrue();
    }

    [TestCaseSource(nameof(CallbackVectors))]
    public void VerifyThreeDCallback_MerchantGuidIsLowerCased(string islemGuid, string md, string mdStatus, string orderId, string expected)
    {
        ParamHash.VerifyThreeDCallback(expected, islemGuid, md, mdStatus, orderId, GUID.ToUpperInvariant()).Should().BeTrue();
    }

    [TestCaseSource(nameof(CallbackVectors))]
    public void VerifyThreeDCallback_TamperedFields_Fail(string islemGuid, string md, string mdStatus, string orderId, string expected)
    {
        ParamHash.VerifyThreeDCallback(expected, islemGuid, md, mdStatus == "1" ? "0" : "1", orderId, GUID).Should().BeFalse("mdStatus was changed");
        ParamHash.VerifyThreeDCallback(expected, islemGuid, md, mdStatus, orderId + "X", GUID).Should().BeFalse("orderId was changed");
        ParamHash.VerifyThreeDCallback(expected, islemGuid, md + "0", mdStatus, orderId, GUID).Should().BeFalse("md was changed");
        ParamHash.VerifyThreeDCallback(expected, islemGuid, md, mdStatus, orderId, "11111111-873b-403b-9c09-a5766840d98c").Should().BeFalse("another merchant's GUID");
        ParamHash.VerifyThreeDCallback(expected, islemGuid, md, mdStatus, "", GUID).Should().BeFalse("orderId blanked");
        ParamHash.VerifyThreeDCallback(null, islemGuid, md, mdStatus, orderId, GUID).Should().BeFalse("no hash posted");
        ParamHash.VerifyThreeDCallback(expected, islemGuid, md, mdStatus, orderId, "").Should().BeFalse("no merchant GUID configured");
    }

    private static readonly object[] ThreeDPayVectors =
    [
        new object[] { "3007300695", "10,01", "20250119BACB", "1944A39AD0AEA92E173D665B", "LOpkL9J8vne8E2j0A0HKOhUWGhI=" },
        new object[] { "3007301017", "10,01", "202501208059", "21C152499BA0369D94028E30", "sUAKlp9jJ9lyDVV4C0+lAnkDC9I=" },
        new object[] { "0", "10,01", "202501193584", "FF0591BD887935E481743533", "+qCEIrH+7ARPmJC55MGQCykg8pk=" },
        new object[] { "3007296668", "10,01", "202501053F4F", "25B4E0BAAD1F3FC05D46F5B4", "LrFgOcE6S8HzNF4tzvtORAh3C20=" },
        // ParamPOS-more.md §19.1: a failed foreign-currency POST-back.
        new object[] { "0", "10,01", "20250120B068", "C38F20632F9FBBC3FD2A3B35", "Df3gttv1swwT8N1m3aCVYzp23Rg=" }
    ];

    [TestCaseSource(nameof(ThreeDPayVectors))]
    public void ForThreeDPayCallback_ReproducesTheCapturedPostBacks(string dekont, string tutar, string siparis, string islemId, string expected)
    {
        ParamHash.ForThreeDPayCallback("10738", GUID, dekont, tutar, siparis, islemId).Should().Be(expected);
        ParamHash.ForThreeDPayCallback("10738", GUID, dekont, "10,00", siparis, islemId).Should().NotBe(expected, "the amount was changed");
    }

    [TestCaseSource(nameof(ThreeDPayVectors))]
    public void VerifyThreeDPayCallback_AcceptsTheCapturedPostBacks_WithTheStoresOwnSecrets_Only(string dekont, string tutar, string siparis, string islemId, string expected)
    {
        ParamHash.VerifyThreeDPayCallback(expected, "10738", GUID, dekont, tutar, siparis, islemId).Should().BeTrue();
        ParamHash.VerifyThreeDPayCallback(expected, "10739", GUID, dekont, tutar, siparis, islemId).Should().BeFalse("another terminal");
        ParamHash.VerifyThreeDPayCallback(expected, "10738", "11111111-873b-403b-9c09-a5766840d98c", dekont, tutar, siparis, islemId).Should().BeFalse("another merchant's GUID");
        ParamHash.VerifyThreeDPayCallback(expected, "10738", GUID, "1", tutar, siparis, islemId).Should().BeFalse("the receipt was changed");
        ParamHash.VerifyThreeDPayCallback(expected, "10738", GUID, dekont, tutar, siparis + "X", islemId).Should().BeFalse("the order was changed");
        ParamHash.VerifyThreeDPayCallback(null, "10738", GUID, dekont, tutar, siparis, islemId).Should().BeFalse("no hash posted");
        ParamHash.VerifyThreeDPayCallback(expected, "10738", "", dekont, tutar, siparis, islemId).Should().BeFalse("no merchant GUID configured");
    }

    [Test]
    public void ForForeignCurrency_ReproducesTheDocumentedRequest()
    {
        // ParamPOS.md §6.2, TP_Islem_Odeme_WD worked example.
        const string expected = "5yx59ua58dEDYNgNkL5MZkYVJNg=";

        ParamHash.ForForeignCurrency("10738", GUID, "50,00", "50,00", "ORD-20250101-0003", "https://shop.example.com/param/fail", "https://shop.example.com/param/ok").Should().Be(expected);
        ParamHash.ForForeignCurrency("10738", GUID, "50,01", "50,00", "ORD-20250101-0003", "https://shop.example.com/param/fail", "https://shop.example.com/param/ok").Should().NotBe(expected);
    }

    [Test]
    public void ForThreeDPay_IsTheSaleHashFollowedByTheUrls()
    {
        // §6.2: Pos_Odeme hashes CLIENT_CODE + GUID + Taksit + Islem_Tutar + Toplam_Tutar + Siparis_ID + Hata_URL + Basarili_URL.
        var input = "10738" + GUID + "3" + "100,00" + "104,10" + "ORD-1" + "https://shop/fail" + "https://shop/ok";

        ParamHash.ForThreeDPay("10738", GUID, 3, "100,00", "104,10", "ORD-1", "https://shop/fail", "https://shop/ok").Should().Be(ParamHash.Sha2B64(input));
        ParamHash.ForThreeDPay("10738", GUID, 3, "100,00", "104,10", "ORD-1", "https://shop/ok", "https://shop/fail").Should().NotBe(ParamHash.Sha2B64(input), "the URLs' order matters");
    }

    [Test]
    public void FixedTimeEquals_ComparesExactly()
    {
        ParamHash.FixedTimeEquals("abc=", "abc=").Should().BeTrue();
        ParamHash.FixedTimeEquals("abc=", "abd=").Should().BeFalse();
        ParamHash.FixedTimeEquals("abc", "abc=").Should().BeFalse();
        ParamHash.FixedTimeEquals(null, "abc=").Should().BeFalse();
    }
}
