using System.Text;
using System.Xml.Linq;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;
using Nop.Plugin.Payments.ParamPos.Payments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

/// <summary>
/// The card-storage (KS) service's wire: its own namespace and SOAPAction, CLIENT_CODE as an int, element order and
/// names as ParamPOS-more.md §18 gives them, the answers (a bank page as a URL or as HTML), redaction, the saved-card form.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.SavedCards)]
public class CardStorageMessageTests
{
    private static readonly ParamCredentials Credentials = ParamCredentials.PublicTestAccount;
    private static readonly XNamespace Ks = "https://turkpara.com.tr/";

    private static XElement Body(byte[] envelope) =>
        XDocument.Parse(Encoding.UTF8.GetString(envelope)).Root!.Element(XName.Get("Body", ParamSoap.ENVELOPE_NAMESPACE))!.Elements().Single();

    [Test]
    public void KS_Kart_Ekle_IsWrittenInTheCardStorageNamespace_WithEveryElementInOrder_AndNoCvc()
    {
        var body = Body(ParamSoapCodec.WriteRequest(CardStorageMessages.Save(new CardToStore
        {
            HolderName = " Test Kullanici ", Number = "4546711234567894", ExpiryMonth = 12, ExpiryYear = 2026, Label = "nop-c1842", CardReference = "nop-c1842-7b1f0c5e"
        }, Credentials)));

        body.Name.Should().Be(Ks + "KS_Kart_Ekle");
        body.Elements().Select(element => element.Name.LocalName).Should().Equal("G", "GUID", "KK_Sahibi", "KK_No", "KK_SK_Ay", "KK_SK_Yil", "KK_Kart_Adi", "KK_Islem_ID");
        body.Elements().Should().OnlyContain(element => element.Name.Namespace == Ks, "child elements are qualified in the service's namespace");
        body.Element(Ks + "G")!.Element(Ks + "CLIENT_CODE")!.Value.Should().Be("10738");
        ((string)body.Element(Ks + "KK_Sahibi")).Should().Be("Test Kullanici");
        ((string)body.Element(Ks + "KK_SK_Ay")).Should().Be("12");
        ((string)body.Element(Ks + "KK_SK_Yil")).Should().Be("2026");
        body.ToString().Should().NotContain("CVC").And.NotContain("CVV");
        ParamSoap.ActionHeader("KS_Kart_Ekle", ParamSoapCodec.NamespaceOf(typeof(KS_Kart_Ekle))).Should().Be("\"https://turkpara.com.tr/KS_Kart_Ekle\"");
        ParamSoapCodec.NamespaceOf(typeof(TP_WMD_UCD)).Should().Be(ParamSoap.NAMESPACE, "TurkPos bodies keep theirs");
    }

    [Test]
    public void KS_Tahsilat_HasNoHash_OnlyFourDataFields_AndTheCvvElement()
    {
        var body = Body(ParamSoapCodec.WriteRequest(CardStorageMessages.Sale(new SavedCardSaleRequest
        {
            Token = "7647f35d-7f37-4f83-bdc6-37c1e18fcd96", CardReference = "nop-c1842-7b1f0c5e", Cvc = "000", HolderMobile = "5551234567", OrderId = "ORD-20250101-0004",
            Installments = 3, Amount = 1000.5m, TotalAmount = 1041.02m, SuccessUrl = "https://shop.example.com/ok", FailureUrl = "https://shop.example.com/fail",
            CustomerIp = "203.0.113.10", ExtraData = ["a", "b", "c", "d", "e"]
        }, Credentials)));

        body.Elements().Select(element => element.Name.LocalName).Should().Equal("G", "GUID", "KS_GUID", "CVV", "KK_Sahibi_GSM", "Hata_URL", "Basarili_URL", "Siparis_ID",
            "Siparis_Aciklama", "Taksit", "Islem_Tutar", "Toplam_Tutar", "Islem_Guvenlik_Tip", "Islem_ID", "IPAdr", "Ref_URL", "Data1", "Data2", "Data3", "Data4", "KK_Islem_ID");
        ((string)body.Element(Ks + "Islem_Tutar")).Should().Be("1000,50");
        ((string)body.Element(Ks + "Toplam_Tutar")).Should().Be("1041,02");
        ((string)body.Element(Ks + "Islem_Guvenlik_Tip")).Should().Be("3D");
        ((string)body.Element(Ks + "Taksit")).Should().Be("3");
    }

    [Test]
    public void KS_Kart_Sil_HasNoGuid_AndBadInputIsRefusedBeforeSending()
    {
        var body = Body(ParamSoapCodec.WriteRequest(CardStorageMessages.Delete("7647f35d-7f37-4f83-bdc6-37c1e18fcd96", "1014", Credentials)));
        body.Elements().Select(element => element.Name.LocalName).Should().Equal("G", "KS_GUID", "KK_Islem_ID");

        FluentActions.Invoking(() => CardStorageMessages.Delete(" ", null, Credentials)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => CardStorageMessages.List(null, null, Credentials)).Should().Throw<ArgumentException>("an unfiltered list returns every card of the merchant");
        FluentActions.Invoking(() => CardStorageMessages.Sale(new SavedCardSaleRequest { Token = "t", OrderId = "o", Cvc = "", SuccessUrl = "s", FailureUrl = "f" }, Credentials))
            .Should().Throw<ArgumentException>("3D asks for the CVC");
        FluentActions.Invoking(() => CardStorageMessages.Save(new CardToStore { Number = "4546711234567894", ExpiryMonth = 1, ExpiryYear = 2030 }, new ParamCredentials("T1", "u", "p", "g")))
            .Should().Throw<ParamGatewayException>().Which.Kind.Should().Be(ParamFailureKind.Configuration, "CLIENT_CODE is an xs:int on this service");
    }

    [TestCase("https://bank.example/3d/abc", true)]
    [TestCase("<html><body><form action=\"https://bank.example/acs\"></form></body></html>", false)]
    public void KS_Tahsilat_BankPage_IsAUrlOrHtml(string ucdUrl, bool isUrl)
    {
        var result = CardStorageMessages.SaleResult("KS_Tahsilat", new ST_KS_Islem_Odeme { Islem_ID = 6021840001, UCD_URL = ucdUrl, Sonuc = "1", Sonuc_Str = "İşlem Başarılı" });

        result.Outcome.Should().Be(SaleStartOutcome.RedirectToBank);
        (isUrl ? result.ThreeDUrl : result.ThreeDHtml).Should().Be(ucdUrl);
        (isUrl ? result.ThreeDHtml : result.ThreeDUrl).Should().BeNull();
    }

    [Test]
    public void KS_Answers_ReadNonSecure_Declines_AndTheList()
    {
        CardStorageMessages.SaleResult("KS_Tahsilat", new ST_KS_Islem_Odeme { Islem_ID = 3007301234, UCD_URL = "NONSECURE", Sonuc = "1" })
            .Should().BeEquivalentTo(new { Outcome = SaleStartOutcome.Approved, TransactionId = 3007301234L });
        CardStorageMessages.SaleResult("KS_Tahsilat", new ST_KS_Islem_Odeme { Sonuc = "-1", Sonuc_Str = "Kart bulunamadı.", Banka_Sonuc_Kod = 5 })
            .Error.Should().Be(new ParamError(-1, "Kart bulunamadı.", "05"));
        CardStorageMessages.SaveResult("KS_Kart_Ekle", new ST_KS_Kart_Ekle { Sonuc = 1, KS_GUID = "" }).Stored.Should().BeFalse("no token, nothing stored");
        CardStorageMessages.DeleteResult("KS_Kart_Sil", new ST_KS_Sonuc { Sonuc = -1, Sonuc_Str = "Kart bulunamadı." }).Deleted.Should().BeFalse();

        XNamespace diffgr = "urn:schemas-microsoft-com:xml-diffgram-v1";
        var payload = new XElement(Ks + "KS_Kart_ListeResponse", new XElement(Ks + "KS_Kart_ListeResult",
            new XElement(Ks + "Sonuc", 1), new XElement(Ks + "Sonuc_Str", "Başarılı"),
            new XElement(Ks + "DT_Bilgi", new XElement(diffgr + "diffgram", new XElement("NewDataSet",
                new XElement("Temp", new XElement("KK_GUID", "7647f35d-7f37-4f83-bdc6-37c1e18fcd96"), new XElement("KK_No", "454671******7894"), new XElement("KK_Marka", "Bankkart")),
                new XElement("Temp", new XElement("KK_GUID", "x"), new XElement("KK_No", "4546711234567894")))))));

        var cards = CardStorageMessages.ListResult("KS_Kart_Liste", payload).Cards;

        cards.Select(card => card.MaskedNumber).Should().Equal("454671******7894", "454671******7894");
        cards[0].Should().BeEquivalentTo(new { Token = "7647f35d-7f37-4f83-bdc6-37c1e18fcd96", CardFamily = "Bankkart" });
    }

    [Test]
    public void Redaction_RemovesTheCvv_AndShortensStoredCardTokens()
    {
        var xml = "<KS_Tahsilat><KS_GUID>7647f35d-7f37-4f83-bdc6-37c1e18fcd96</KS_GUID><CVV>491</CVV><KK_No>4546711234567894</KK_No></KS_Tahsilat>"
            + "<Temp><KK_GUID>7647f35d-7f37-4f83-bdc6-37c1e18fcd96</KK_GUID></Temp>";

        var redacted = ParamRedactor.RedactXml(xml);

        redacted.Should().Contain("<CVV>***</CVV>").And.Contain("<KS_GUID>7647f3…</KS_GUID>").And.Contain("<KK_GUID>7647f3…</KK_GUID>").And.Contain("454671******7894");
        redacted.Should().NotContain("491").And.NotContain("7647f35d-7f37");
    }

    [Test]
    public void TheSavedCardForm_IsReadApart_FromANewCard()
    {
        FormCollection Form(Dictionary<string, StringValues> fields) => new(fields);

        PaymentForm.ReadSavedCard(Form(new() { [PaymentForm.SAVED_CARD] = "new" })).Should().BeNull();
        PaymentForm.ReadSavedCard(Form(new())).Should().BeNull();
        var chosen = PaymentForm.ReadSavedCard(Form(new() { [PaymentForm.SAVED_CARD] = "12", [PaymentForm.SAVED_CARD_CVC] = "123", [PaymentForm.INSTALLMENTS] = "6" }))!.Value;
        chosen.Choice.Should().Be(new SavedCardChoice(12, "123"));
        chosen.Installments.Should().Be(6);
        chosen.Errors.Should().BeEmpty();
        PaymentForm.ReadSavedCard(Form(new() { [PaymentForm.SAVED_CARD] = "-3", [PaymentForm.SAVED_CARD_CVC] = "12" }))!.Value.Errors
            .Should().Equal("SavedCards.NotFound", "Validation.CvcInvalid");
        PaymentForm.WantsCardSaved(Form(new() { [PaymentForm.SAVE_CARD] = "true" })).Should().BeTrue();
        PaymentForm.WantsCardSaved(Form(new())).Should().BeFalse();
        new SavedCardChoice(12, "123").ToString().Should().NotContain("123");
    }

    [TestCase("0555 123 45 67", "5551234567")]
    [TestCase("+90 555 123 4567", "5551234567")]
    [TestCase("5551234567", "5551234567")]
    [TestCase("0212 123 45 67", "")]
    [TestCase(null, "")]
    public void TheHolderMobile_IsSentAsParamWantsIt(string phone, string expected)
    {
        SavedCardOffer.MobileOf(phone).Should().Be(expected);
    }

    [Test]
    public void TheCardStorageUrl_FollowsTheEnvironment()
    {
        var settings = new ParamPosSettings { Environment = ParamEnvironment.Test };
        Services.ParamCallRunner.CardStorageUrl(settings).Should().Be(new Uri("https://testposws.param.com.tr/out.ws/service_ks.asmx"));
        settings.Environment = ParamEnvironment.Production;
        Services.ParamCallRunner.CardStorageUrl(settings).Should().Be(new Uri("https://posws.param.com.tr/out.ws/service_ks.asmx"));
        settings.Environment = ParamEnvironment.Custom;
        settings.CustomServiceUrl = "http://127.0.0.1:5271/turkpos.ws/service_turkpos_prod.asmx";
        Services.ParamCallRunner.CardStorageUrl(settings).Should().Be(new Uri("http://127.0.0.1:5271/out.ws/service_ks.asmx"));
        settings.CustomCardStorageUrl = "https://proxy.example/ks.asmx";
        Services.ParamCallRunner.CardStorageUrl(settings).Should().Be(new Uri("https://proxy.example/ks.asmx"));
    }
}
