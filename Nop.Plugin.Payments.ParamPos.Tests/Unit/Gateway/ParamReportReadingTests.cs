using System.Xml.Linq;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Gateway;

/// <summary>
/// Reading Param's reports as ParamPOS-more.md §20 and OPEN-QUESTIONS A35–A41 describe them: the summary example of
/// §20.1, amounts in dot or Turkish form, Tip_Str with or without Turkish letters, dates as Param wants them.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Reconciliation), Category(TestCategories.Gateway)]
public class ParamReportReadingTests
{
    [Test]
    public void Totals_ReadTheDocumentsExample()
    {
        const string result = """
            <TP_Mutabakat_OzetResponse xmlns="https://turkpos.com.tr/"><TP_Mutabakat_OzetResult>
              <DT_Bilgi>
                <diffgr:diffgram xmlns:msdata="urn:schemas-microsoft-com:xml-msdata" xmlns:diffgr="urn:schemas-microsoft-com:xml-diffgram-v1">
                  <NewDataSet xmlns="">
                    <DT_Mutabakat_Ozet diffgr:id="DT_Mutabakat_Ozet1" msdata:rowOrder="0">
                      <Basarili_Islem_Sayi>16</Basarili_Islem_Sayi>
                      <Basarili_Islem_Toplam_Tutar>162.5000</Basarili_Islem_Toplam_Tutar>
                      <Iptal_Islem_Sayi>2</Iptal_Islem_Sayi>
                      <Iptal_Islem_Toplam_Tutar>10.0000</Iptal_Islem_Toplam_Tutar>
                      <Iade_Islem_Sayi>0</Iade_Islem_Sayi>
                      <Iade_Islem_Toplam_Tutar>0.0000</Iade_Islem_Toplam_Tutar>
                    </DT_Mutabakat_Ozet>
                  </NewDataSet>
                </diffgr:diffgram>
              </DT_Bilgi>
              <Sonuc>1</Sonuc>
              <Sonuc_Str>Başarılı</Sonuc_Str>
            </TP_Mutabakat_OzetResult></TP_Mutabakat_OzetResponse>
            """;

        var totals = ParamReports.TotalsResult("TP_Mutabakat_Ozet", XElement.Parse(result));

        totals.Should().BeEquivalentTo(new ReconciliationTotals { SaleCount = 16, SaleTotal = 162.50m, CancelCount = 2, CancelTotal = 10m, RefundCount = 0, RefundTotal = 0m });
    }

    [TestCase("1234.5600", 1234.56)]
    [TestCase("-5.0000", -5)]
    [TestCase("1.234,56", 1234.56)]
    [TestCase("10,5", 10.5)]
    [TestCase("0", 0)]
    public void Amounts_AreReadInEitherForm(string text, decimal expected)
    {
        ParamReports.TryParseAmount(text, out var amount).Should().BeTrue();
        amount.Should().Be(expected);
    }

    [TestCase("Satış", MonitoredKind.Sale)]
    [TestCase("SATIS", MonitoredKind.Sale)]
    [TestCase("İptal", MonitoredKind.Cancel)]
    [TestCase("iptal", MonitoredKind.Cancel)]
    [TestCase("İade", MonitoredKind.Refund)]
    [TestCase("IADE", MonitoredKind.Refund)]
    [TestCase("Refund", MonitoredKind.Refund)]
    [TestCase("Ön Provizyon", MonitoredKind.Other)]
    public void Kinds_AreReadWhateverTheirLetters(string text, MonitoredKind expected)
    {
        ParamReports.KindOf(text).Should().Be(expected);
    }

    [Test]
    public void Dates_AreDayFirst_WithSeconds()
    {
        ParamReports.FormatDate(new DateTime(2015, 11, 20, 0, 0, 0)).Should().Be("20.11.2015 00:00:00");
        ParamReports.Monitor(new DateTime(2025, 1, 20), new DateTime(2025, 1, 20, 23, 59, 59), new ParamCredentials("1", "u", "p", "g"))
            .Should().BeEquivalentTo(new { Tarih_Bas = "20.01.2025 00:00:00", Tarih_Bit = "20.01.2025 23:59:59", Islem_Tip = "", Islem_Durum = "" });
    }

    [Test]
    public void Settlement_IsReadWhateverItsTableAndInstallmentColumnAreCalled_WithTurkishAmounts()
    {
        const string result = """
            <TP_Mutabakat_DetayResponse xmlns="https://turkpos.com.tr/"><TP_Mutabakat_DetayResult>
              <DT_Bilgi>
                <diffgr:diffgram xmlns:msdata="urn:schemas-microsoft-com:xml-msdata" xmlns:diffgr="urn:schemas-microsoft-com:xml-diffgram-v1">
                  <NewDataSet xmlns="">
                    <Temp diffgr:id="Temp1" msdata:rowOrder="0">
                      <GUNSONU_TARIHI>20.01.2025</GUNSONU_TARIHI><ISLEM_TARIHI>20.01.2025 09:12:23</ISLEM_TARIHI><VALOR_TARIHI>21.01.2025</VALOR_TARIHI>
                      <KART_NO>455359******4356</KART_NO><TRANSACTION_TIPI>SATIŞ</TRANSACTION_TIPI><PROVIZYON_NO>123456</PROVIZYON_NO>
                      <TAKSIT_SIRA>2</TAKSIT_SIRA><TAKSIT_SAYISI>3</TAKSIT_SAYISI><PROVIZYON_TUTARI>1.234,56</PROVIZYON_TUTARI>
                      <KOMISYON_TUTARI>22,10</KOMISYON_TUTARI><KOMISYON_ORANI>1,79</KOMISYON_ORANI><NET_TUTAR>1.212,46</NET_TUTAR><SIPARIS_NO>ORDER-1</SIPARIS_NO>
                    </Temp>
                  </NewDataSet>
                </diffgr:diffgram>
              </DT_Bilgi>
              <Sonuc>1</Sonuc><Sonuc_Str>Başarılı</Sonuc_Str>
            </TP_Mutabakat_DetayResult></TP_Mutabakat_DetayResponse>
            """;

        var row = ParamReports.SettlementResult("TP_Mutabakat_Detay", XElement.Parse(result)).Transactions.Should().ContainSingle().Subject;

        row.Should().BeEquivalentTo(new
        {
            OrderId = "ORDER-1", Kind = MonitoredKind.Sale, InstallmentNumber = 2, Installments = 3, Gross = 1234.56m, Commission = 22.10m, CommissionRate = 1.79m,
            Net = 1212.46m, ValueDate = "21.01.2025", MaskedCard = "455359******4356"
        });
        ParamReports.Settlement(new DateOnly(2025, 1, 20), new ParamCredentials("1", "u", "p", "g")).Tarih.Should().Be("20.01.2025 00:00:00");
    }
}
