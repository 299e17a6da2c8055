using System.Net;
using System.ServiceModel;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace ParamPos.Sandbox.WcfTests;

/// <summary>
/// A WCF client shaped like the proxy Param's .NET SDK generates with svcutil (document/literal wrapped,
/// XmlSerializer, SOAP 1.1) completes TP_WMD_UCD → bank → TP_WMD_Pay and reads the rate list against the sandbox:
/// the sandbox speaks SOAP the way Param's own SDK expects. Test code only; the plugin never uses WCF.
/// </summary>
[TestFixture, Category("Integration"), Category("Sandbox")]
public partial class WcfClientTests
{
    private const string GUID = "0c13d406-873b-403b-9c09-a5766840d98c";
    private const string AKBANK_AXESS = "5571135571135575";
    private WebApplication _sandbox;
    private Uri _baseUrl;
    private HttpClient _browser;
    private ChannelFactory<ITurkPosWcf> _factory;
    private ITurkPosWcf _channel;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sandbox = SandboxHost.Create(new SandboxOptions { Port = 0 });
        await _sandbox.StartAsync();
        _baseUrl = new Uri(_sandbox.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _baseUrl };
        _factory = new ChannelFactory<ITurkPosWcf>(new BasicHttpBinding { MaxReceivedMessageSize = 4 * 1024 * 1024 }, new EndpointAddress(new Uri(_baseUrl, SandboxHost.SERVICE_PATH.TrimStart('/'))));
        _channel = _factory.CreateChannel();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        ((IClientChannel)_channel)?.Abort();
        _factory?.Abort();
        _browser?.Dispose();
        await _sandbox.StopAsync();
        await _sandbox.DisposeAsync();
    }

    /// <summary>Plays the shopper on the sandbox bank's page and returns the fields the bank posts back.</summary>
    private async Task<Dictionary<string, string>> ApproveOnTheBankPageAsync(string ucdHtml)
    {
        var action = WebUtility.HtmlDecode(FormAction().Match(ucdHtml).Groups[1].Value);
        (await _browser.PostAsync(action, new FormUrlEncodedContent([]))).EnsureSuccessStatusCode();
        var decision = await _browser.PostAsync(action + "/complete", new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }));
        decision.EnsureSuccessStatusCode();
        var html = await decision.Content.ReadAsStringAsync();

        return HiddenInput().Matches(html).ToDictionary(match => match.Groups[1].Value, match => WebUtility.HtmlDecode(match.Groups[2].Value));
    }

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();

    private static WcfSecurity G => new() { CLIENT_CODE = "10738", CLIENT_USERNAME = "Test", CLIENT_PASSWORD = "Test" };

    [Test]
    public async Task WcfClient_CompletesUcdThenPay()
    {
        var orderId = "W" + Guid.NewGuid().ToString("N")[..20];
        // The client computes the hash itself here (as the SDK's remote SHA2B64 would): Akbank, 1 installment, 1.75 %.
        var hash = await _channel.SHA2B64Async("10738" + GUID + "1" + "200,00" + "203,50" + orderId);

        var start = await _channel.TP_WMD_UCDAsync(G, GUID, "Test Kullanici", AKBANK_AXESS, "12", (DateTime.UtcNow.Year + 1).ToString(), "000", "",
            "https://shop.example/fail", "https://shop.example/ok", orderId, "", 1, "200,00", "203,50", hash, "3D", "", "127.0.0.1", "", "", "", "", "", "");
        var callback = await ApproveOnTheBankPageAsync(start.UCD_HTML);
        var pay = await _channel.TP_WMD_PayAsync(G, GUID, callback["md"], callback["islemGUID"], callback["orderId"]);

        start.Sonuc.Should().Be("1");
        start.Islem_GUID.Should().Be(callback["islemGUID"]);
        pay.Sonuc.Should().Be(1);
        long.Parse(pay.Dekont_ID).Should().BePositive();
        pay.Siparis_ID.Should().Be(orderId);
    }

    [Test]
    public async Task WcfClient_ReadsTheRateListDataSet()
    {
        var result = await _channel.TP_Ozel_Oran_SK_ListeAsync(G, GUID);

        result.Sonuc.Should().Be("1");
        result.DT_Bilgi.Schema.Should().ContainSingle(element => element.LocalName == "schema");
        var rows = XElement.Parse(result.DT_Bilgi.Diffgram.OuterXml).Descendants("DT_Ozel_Oranlar_SK").ToList();
        rows.Should().NotBeEmpty();
        rows.Select(row => (string)row.Element("Kredi_Karti_Banka")).Should().Contain("Axess");
    }

    [ServiceContract(Namespace = "https://turkpos.com.tr/", Name = "TurkPos_x0020_WS_x0020_PRODSoap")]
    [XmlSerializerFormat(SupportFaults = true)]
    public interface ITurkPosWcf
    {
        [OperationContract(Action = "https://turkpos.com.tr/SHA2B64", ReplyAction = "*")]
        [return: MessageParameter(Name = "SHA2B64Result")]
        Task<string> SHA2B64Async(string Data);

        [OperationContract(Action = "https://turkpos.com.tr/TP_WMD_UCD", ReplyAction = "*")]
        [return: MessageParameter(Name = "TP_WMD_UCDResult")]
        Task<WcfUcdResult> TP_WMD_UCDAsync(WcfSecurity G, string GUID, string KK_Sahibi, string KK_No, string KK_SK_Ay, string KK_SK_Yil, string KK_CVC,
            string KK_Sahibi_GSM, string Hata_URL, string Basarili_URL, string Siparis_ID, string Siparis_Aciklama, int Taksit, string Islem_Tutar,
            string Toplam_Tutar, string Islem_Hash, string Islem_Guvenlik_Tip, string Islem_ID, string IPAdr, string Ref_URL, string Data1, string Data2,
            string Data3, string Data4, string Data5);

        [OperationContract(Action = "https://turkpos.com.tr/TP_WMD_Pay", ReplyAction = "*")]
        [return: MessageParameter(Name = "TP_WMD_PayResult")]
        Task<WcfPayResult> TP_WMD_PayAsync(WcfSecurity G, string GUID, string UCD_MD, string Islem_GUID, string Siparis_ID);

        [OperationContract(Action = "https://turkpos.com.tr/TP_Ozel_Oran_SK_Liste", ReplyAction = "*")]
        [return: MessageParameter(Name = "TP_Ozel_Oran_SK_ListeResult")]
        Task<WcfGenelSonuc> TP_Ozel_Oran_SK_ListeAsync(WcfSecurity G, string GUID);
    }

    [XmlType("ST_WS_Guvenlik", Namespace = "https://turkpos.com.tr/")]
    public class WcfSecurity
    {
        [XmlElement(Order = 0)] public string CLIENT_CODE { get; set; }
        [XmlElement(Order = 1)] public string CLIENT_USERNAME { get; set; }
        [XmlElement(Order = 2)] public string CLIENT_PASSWORD { get; set; }
    }

    [XmlType("ST_WMD_UCD", Namespace = "https://turkpos.com.tr/")]
    public class WcfUcdResult
    {
        [XmlElement(Order = 0)] public long Islem_ID { get; set; }
        [XmlElement(Order = 1)] public string Islem_GUID { get; set; }
        [XmlElement(Order = 2)] public string UCD_HTML { get; set; }
        [XmlElement(Order = 3)] public string UCD_MD { get; set; }
        [XmlElement(Order = 4)] public string Sonuc { get; set; }
        [XmlElement(Order = 5)] public string Sonuc_Str { get; set; }
        [XmlElement(Order = 6)] public string Bank_Trans_ID { get; set; }
        [XmlElement(Order = 7)] public string Bank_AuthCode { get; set; }
        [XmlElement(Order = 8)] public string Bank_HostMsg { get; set; }
        [XmlElement(Order = 9)] public int Banka_Sonuc_Kod { get; set; }
        [XmlElement(Order = 10)] public string Bank_Extra { get; set; }
        [XmlElement(Order = 11)] public string Siparis_ID { get; set; }
        [XmlElement(Order = 12)] public string Bank_HostRefNum { get; set; }
    }

    [XmlType("ST_WMD_Pay", Namespace = "https://turkpos.com.tr/")]
    public class WcfPayResult
    {
        [XmlElement(Order = 0)] public int Sonuc { get; set; }
        [XmlElement(Order = 1)] public string Sonuc_Ack { get; set; }
        [XmlElement(Order = 2)] public string Dekont_ID { get; set; }
        [XmlElement(Order = 3)] public string Siparis_ID { get; set; }
        [XmlElement(Order = 4)] public string UCD_MD { get; set; }
        [XmlElement(Order = 5)] public string Bank_Trans_ID { get; set; }
        [XmlElement(Order = 6)] public string Bank_AuthCode { get; set; }
        [XmlElement(Order = 7)] public string Bank_HostMsg { get; set; }
        [XmlElement(Order = 8)] public string Bank_Extra { get; set; }
        [XmlElement(Order = 9)] public int Bank_Sonuc_Kod { get; set; }
        [XmlElement(Order = 10)] public string Bank_HostRefNum { get; set; }
    }

    [XmlType("ST_Genel_Sonuc", Namespace = "https://turkpos.com.tr/")]
    public class WcfGenelSonuc
    {
        [XmlElement(Order = 0)] public WcfDataTable DT_Bilgi { get; set; }
        [XmlElement(Order = 1)] public string Sonuc { get; set; }
        [XmlElement(Order = 2)] public string Sonuc_Str { get; set; }
    }

    /// <summary>How svcutil maps a DataTable: the schema elements, then the diffgram.</summary>
    [XmlType(AnonymousType = true, Namespace = "https://turkpos.com.tr/")]
    public class WcfDataTable
    {
        [XmlAnyElement(Namespace = "http://www.w3.org/2001/XMLSchema", Order = 0)] public XmlElement[] Schema { get; set; }
        [XmlAnyElement(Namespace = "urn:schemas-microsoft-com:xml-diffgram-v1", Order = 1)] public XmlElement Diffgram { get; set; }
    }
}
