using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Gateway)]
public class ParamRedactorTests
{
    private const string GUID = "0c13d406-873b-403b-9c09-a5766840d98c";

    [Test]
    public void RedactXml_RemovesEveryCardSecretFromARealRequest()
    {
        var request = ParamFixtures.Read("TP_WMD_UCD/3d.request.xml");

        var redacted = ParamRedactor.RedactXml(request, ["Test", GUID]);

        redacted.Should().Contain("<KK_No>454671******7894</KK_No>");
        redacted.Should().Contain("<KK_CVC>***</KK_CVC>");
        redacted.Should().Contain("<KK_SK_Ay>***</KK_SK_Ay>").And.Contain("<KK_SK_Yil>***</KK_SK_Yil>");
        redacted.Should().Contain("<CLIENT_PASSWORD>***</CLIENT_PASSWORD>");
        redacted.Should().Contain("<GUID>***</GUID>");
        redacted.Should().Contain("<KK_Sahibi>T. K.</KK_Sahibi>");
        redacted.Should().Contain("<KK_Sahibi_GSM>******4567</KK_Sahibi_GSM>");
        redacted.Should().Contain("<Islem_Hash>qUqwNQ…</Islem_Hash>");
        foreach (var secret in new[] { "4546711234567894", ">000<", ">12<", ">2026<", GUID, "qUqwNQ5uFANONs0kg2RB1aFH35o=" })
            redacted.Should().NotContain(secret);
        redacted.Should().Contain("<Islem_Tutar>100,00</Islem_Tutar>", "amounts stay readable");
    }

    [Test]
    public void RedactXml_ScrubsSecretsAndCardNumbersWhereverTheyAppear()
    {
        var text = "<Sonuc_Str>card 5571135571135575 refused for user Test with key " + GUID + "</Sonuc_Str><Dekont_ID>3007295376</Dekont_ID>";

        var redacted = ParamRedactor.RedactXml(text, [GUID]);

        redacted.Should().NotContain("5571135571135575").And.Contain("557113******5575");
        redacted.Should().NotContain(GUID);
        redacted.Should().Contain("3007295376", "a 10-digit receipt is not a card number");
    }

    [Test]
    public void RedactXml_ReducesTheBanksPageToItsSize()
    {
        var redacted = ParamRedactor.RedactXml("<UCD_HTML>&lt;html&gt;&lt;form&gt;…&lt;/form&gt;&lt;/html&gt;</UCD_HTML><UCD_MD>MosNOirpqxod2A0B==</UCD_MD>");

        redacted.Should().StartWith("<UCD_HTML>[bank 3-D page,");
        redacted.Should().Contain("<UCD_MD>MosNOi…</UCD_MD>");
    }

    [Test]
    public void RedactForm_MasksACallback()
    {
        var fields = new Dictionary<string, string>
        {
            ["md"] = "581877:A65A349B0BAE27FC6567294215158DD8AE223843B5C96462F04A750CA7E8B165:3680:##500100000",
            ["mdStatus"] = "1",
            ["orderId"] = "2025011749D1",
            ["islemHash"] = "b1D7+nI3j4k3WGJuhW5IuPOFpEE=",
            ["CardNumber"] = "4546 7112 3456 7894",
            ["CardCvc"] = "000"
        };

        var redacted = ParamRedactor.RedactForm(fields);

        redacted["md"].Should().Be("581877…");
        redacted["islemHash"].Should().Be("b1D7+n…");
        redacted["mdStatus"].Should().Be("1");
        redacted["CardNumber"].Should().Be("454671******7894");
        redacted["CardCvc"].Should().Be("***");
    }

    [TestCase("4546711234567894", "454671******7894")]
    [TestCase("4546 7112 3456 7894", "454671******7894")]
    [TestCase("378282246310005", "378282*****0005")]
    [TestCase("1234", "****")]
    [TestCase("", "")]
    public void MaskCardNumber_KeepsFirstSixAndLastFour(string number, string expected)
    {
        ParamRedactor.MaskCardNumber(number).Should().Be(expected);
    }
}
