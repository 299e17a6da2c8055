using System.Xml.Linq;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Sandbox;

/// <summary>
/// Every request the client sends, and every response the sandbox returns, validates against the schema inside
/// Param's WSDL (protocol/turkpos.wsdl, the copy of ../shared/protocol/turkpos.wsdl), element order included. The client is driven through every operation.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Gateway), Category(TestCategories.Sandbox)]
public class WsdlConformanceTests
{
    private GatewayTarget _target;

    [OneTimeSetUp]
    public async Task DriveEveryOperationAsync()
    {
        _target = await GatewayTarget.StartAsync();
        _target.RequireSandbox("drives the full flow");
        var client = _target.Client();
        var context = _target.Context();

        await client.GetInstallmentRatesAsync(context);
        await client.LookupBinAsync("454671", context);
        var threeD = TestCards.Sale(card: TestCards.AKBANK_AXESS, amount: 120m, total: 124.92m, installments: 3);
        var start = await client.StartSaleAsync(threeD, context);
        var callback = await _target.AuthenticateAsync(start.ThreeDHtml, approve: true);
        await client.CompleteThreeDPaymentAsync(new PaymentCompletionRequest(callback["orderId"], callback["islemGUID"], callback["md"]), context);
        await client.QueryTransactionAsync(threeD.OrderId, context);
        await client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Cancel, threeD.OrderId, 124.92m), context);
        var nonSecure = TestCards.Sale(security: ThreeDSecurity.NonSecure, amount: 10m);
        await client.StartSaleAsync(nonSecure, context);
        await client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, nonSecure.OrderId, 5m), context);
        var preAuthorization = TestCards.Sale(security: ThreeDSecurity.NonSecure, amount: 30m);
        await client.StartPreAuthorizationAsync(preAuthorization, context);
        await client.CapturePreAuthorizationAsync(preAuthorization.OrderId, 30m, null, context);
        var released = TestCards.Sale(security: ThreeDSecurity.NonSecure, amount: 30m);
        await client.StartPreAuthorizationAsync(released, context);
        await client.CancelPreAuthorizationAsync(released.OrderId, null, context);
        await client.QueryTransactionAsync(TestCards.NewOrderId(), context);
        await client.StartSaleAsync(TestCards.Sale(card: TestCards.DECLINED_AT_START), context);
        await client.StartThreeDPaySaleAsync(TestCards.Sale(card: TestCards.AKBANK_AXESS, amount: 100m, total: 104.10m, installments: 3), context);
        await client.StartForeignCurrencySaleAsync(TestCards.Sale(card: TestCards.FOREIGN_VISA, amount: 25.50m), "EUR", context);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _target.DisposeAsync();
    }

    [Test]
    public void EveryOperationWasExercised()
    {
        var operations = _target.Traffic.Select(exchange => TurkPosSchema.BodyElement(exchange.Request).Name.LocalName).Distinct();

        operations.Should().BeEquivalentTo("TP_Ozel_Oran_SK_Liste", "BIN_SanalPos", "TP_WMD_UCD", "TP_WMD_Pay", "TP_Islem_Sorgulama4",
            "TP_Islem_Iptal_Iade_Kismi2", "TP_Islem_Odeme_OnProv_WMD", "TP_Islem_Odeme_OnProv_Kapa", "TP_Islem_Iptal_OnProv", "Pos_Odeme", "TP_Islem_Odeme_WD");
    }

    [Test]
    public void EveryRequestTheClientSent_ValidatesAgainstTheWsdl()
    {
        _target.Traffic.Should().HaveCountGreaterThan(10);
        foreach (var (request, _) in _target.Traffic)
        {
            var body = TurkPosSchema.BodyElement(request);
            TurkPosSchema.Validate(body).Should().BeEmpty($"{body.Name.LocalName} must match turkpos.wsdl (with the current service's additions)");
        }
    }

    [Test]
    public void PreAuthorizationRequest_IsTheOlderShapeWithTaksitLast()
    {
        var preAuthorizations = _target.Traffic.Select(exchange => TurkPosSchema.BodyElement(exchange.Request))
            .Where(body => body.Name.LocalName == "TP_Islem_Odeme_OnProv_WMD").ToList();

        preAuthorizations.Should().NotBeEmpty();
        foreach (var body in preAuthorizations)
        {
            body.Elements().Last().Name.Should().Be(TurkPosSchema.Tns + "Taksit", "the current service takes Taksit after Data5 (ParamPOS.md §8.8)");
            body.Elements().Last().Value.Should().Be("1");
            var olderShape = new XElement(body);
            olderShape.Elements(TurkPosSchema.Tns + "Taksit").Remove();
            olderShape.Elements().Select(element => element.Name.LocalName).Should().Equal("G", "GUID", "KK_Sahibi", "KK_No", "KK_SK_Ay", "KK_SK_Yil", "KK_CVC", "KK_Sahibi_GSM",
                "Hata_URL", "Basarili_URL", "Siparis_ID", "Siparis_Aciklama", "Islem_Tutar", "Toplam_Tutar", "Islem_Hash", "Islem_Guvenlik_Tip", "Islem_ID", "IPAdr", "Ref_URL",
                "Data1", "Data2", "Data3", "Data4", "Data5");
        }
    }

    [Test]
    public void EveryResponseTheSandboxSent_ValidatesAgainstTheWsdl()
    {
        foreach (var (_, response) in _target.Traffic)
        {
            var body = TurkPosSchema.BodyElement(response);
            TurkPosSchema.Validate(body).Should().BeEmpty($"{body.Name.LocalName} must follow turkpos.wsdl's element order");
        }
    }

    [Test]
    public void SchemaCheck_CatchesAnOutOfOrderElement()
    {
        var request = _target.Traffic.Select(exchange => exchange.Request).First(body => body.Contains("<TP_WMD_Pay "));
        var body = TurkPosSchema.BodyElement(request);
        var guid = body.Element(TurkPosSchema.Tns + "GUID")!;
        guid.Remove();
        body.Add(guid);

        TurkPosSchema.Validate(body).Should().NotBeEmpty("the check is meaningful only if it rejects a wrong order");
    }

    [Test]
    public void SandboxWsdl_IsTheRepositorysCopyOfParamsWsdl()
    {
        using var embedded = typeof(global::ParamPos.Sandbox.Soap.WsdlSchema).Assembly.GetManifestResourceStream("turkpos.wsdl")!;
        using var reader = new StreamReader(embedded);

        reader.ReadToEnd().Should().Be(File.ReadAllText(RepositoryPaths.TurkPosWsdl));
    }

    [Test]
    public void RepositorysWsdl_IsTheOnePublishedInShared_WhereSharedIsPresent()
    {
        Assume.That(File.Exists(RepositoryPaths.SharedTurkPosWsdl), "../shared is not beside this checkout");

        File.ReadAllText(RepositoryPaths.TurkPosWsdl).Should().Be(File.ReadAllText(RepositoryPaths.SharedTurkPosWsdl));
    }
}
