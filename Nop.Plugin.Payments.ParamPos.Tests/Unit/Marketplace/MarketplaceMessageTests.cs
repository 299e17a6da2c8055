using System.Text;
using System.Xml.Linq;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Marketplace;

/// <summary>
/// The marketplace service's wire (Pazaryeri.md §2): element order, Param's amount forms (comma strings, dot doubles),
/// and answers read whatever their member types and order (anyType Sonuc, Sonuc last, no Result level: §1.2, M4).
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Marketplace)]
public class MarketplaceMessageTests
{
    private static readonly ParamCredentials Credentials = ParamCredentials.PublicTestAccount;
    private static readonly XNamespace Tns = ParamSoap.NAMESPACE;

    private static XElement Body<T>(T request) =>
        XDocument.Parse(Encoding.UTF8.GetString(ParamSoapCodec.WriteRequest(request))).Root!.Element(XName.Get("Body", ParamSoap.ENVELOPE_NAMESPACE))!.Elements().Single();

    [Test]
    public void Requests_FollowTheServicesOrder_AndAmountForms()
    {
        var add = Body(MarketplaceMessages.AddSubMerchant(new SubMerchant { Type = SellerType.Individual, Name = " Ayşe ", IdentityNumber = "10000000146", BirthDate = new DateOnly(1990, 12, 1),
            Province = 1, District = 1104 }, "0c13d406-873b-403b-9c09-a5766840d98c", Credentials));
        add.Elements().Select(element => element.Name.LocalName).Should().Equal("G", "ETS_GUID", "Tip", "Ad_Soyad", "Unvan", "TC_VN", "Kisi_DogumTarihi", "GSM_No", "IBAN_No",
            "IBAN_Unvan", "Adres", "Il", "Ilce", "EPosta", "Website", "MCC_Kod", "Yetkili_Kisi_TC", "Yetkili_Kisi_DogumTarihi", "Vergi_Daire", "Bagli_Olunan_Hesap");
        ((string)add.Element(Tns + "Kisi_DogumTarihi")).Should().Be("01.12.1990");
        ((string)add.Element(Tns + "Ad_Soyad")).Should().Be("Ayşe");
        ((string)add.Element(Tns + "Il")).Should().Be("1", "the province without a leading zero (M8)");

        var share = Body(MarketplaceMessages.DeclareShare("ets", 438.75m, 393.75m, "1247910825", "seller", Credentials));
        ((string)share.Element(Tns + "Tutar_Urun")).Should().Be("438,75");
        ((string)share.Element(Tns + "Tutar_Odenecek")).Should().Be("393,75");

        var refund = Body(MarketplaceMessages.ReverseShare("line", sameDay: false, "MP-1", 45m, 354.37m, Credentials));
        refund.Elements().Select(element => element.Name.LocalName).Should().Equal("G", "PYSiparis_GUID", "GUID", "Durum", "Siparis_ID", "SiparisTutar", "OdenecekTutar");
        ((string)refund.Element(Tns + "Durum")).Should().Be("IADE");
        ((string)refund.Element(Tns + "OdenecekTutar")).Should().Be("354.37");

        FluentActions.Invoking(() => MarketplaceMessages.DeclareShare("ets", 10m, 11m, "1", "s", Credentials)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Answers_AreReadByName_WhateverTheirTypesOrOrder()
    {
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var added = new XElement(Tns + "Pazaryeri_TP_AltUyeIsyeri_EklemeResponse", new XElement(Tns + "Pazaryeri_TP_AltUyeIsyeri_EklemeResult",
            new XElement(Tns + "Sonuc", new XAttribute(xsi + "type", "xsd:int"), "1"), new XElement(Tns + "Sonuc_Str", "Başarılı"),
            new XElement(Tns + "GUID_AltUyeIsyeri", "7b6c1f0e-2a9d-4c43-9a57-1d3f3e8c2b10")));
        MarketplaceMessages.SubMerchantAnswer("Pazaryeri_TP_AltUyeIsyeri_Ekleme", added).SubMerchantGuid.Should().Be("7b6c1f0e-2a9d-4c43-9a57-1d3f3e8c2b10");

        // D-AUG's shape: no Result level.
        var updated = new XElement(Tns + "Pazaryeri_TP_AltUyeIsyeri_GuncellemeResponse", new XElement(Tns + "Sonuc", " -1"), new XElement(Tns + "Sonuc_Str", "IBAN hatalı."));
        MarketplaceMessages.SubMerchantAnswer("Pazaryeri_TP_AltUyeIsyeri_Guncelleme", updated).Error.Should().Be(new ParamError(-1, "IBAN hatalı.", null));

        // Sonuc second to last.
        var approved = new XElement(Tns + "Pazaryeri_TP_Siparis_OnayResponse", new XElement(Tns + "Pazaryeri_TP_Siparis_OnayResult",
            new XElement(Tns + "POS_Islem_Id", "1247910825"), new XElement(Tns + "Durum", "1"), new XElement(Tns + "Durum_Str", "Onaylandı"),
            new XElement(Tns + "Sonuc", "1"), new XElement(Tns + "Sonuc_Str", "Başarılı")));
        MarketplaceMessages.ShareStatusAnswer("Pazaryeri_TP_Siparis_Onay", approved).Should().BeEquivalentTo(new { Succeeded = true, Status = "1" });

        FluentActions.Invoking(() => MarketplaceMessages.PlainAnswer("Pazaryeri_TP_Iptal_Iade", new XElement(Tns + "Pazaryeri_TP_Iptal_IadeResponse")))
            .Should().Throw<ParamGatewayException>().Which.Kind.Should().Be(ParamFailureKind.InvalidResponse);
    }
}
