using System.Globalization;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Param's success rules in one place (ParamPOS.md §10, §11). Each rule is pinned by a unit test with real fixtures.
/// </summary>
public static class ParamResultRules
{
    /// <summary>The UCD_HTML / UCD_URL marker of a finished NonSecure payment.</summary>
    public const string NON_SECURE_MARKER = "NONSECURE";

    /// <summary>TP_Islem_Sorgulama4's Sonuc when Param has no such transaction (ParamPOS.md §13); any other refusal says nothing about it.</summary>
    public const int TRANSACTION_NOT_FOUND = -209;

    /// <summary>The mdStatus values accepted when nothing is configured (OPEN-QUESTIONS A4: only full 3D).</summary>
    public static readonly IReadOnlySet<string> DefaultAcceptedMdStatuses = new HashSet<string>(StringComparer.Ordinal) { "1" };

    /// <summary>
    /// Parses Sonuc, which is xs:string in most results and xs:int in ST_WMD_Pay. Anything unreadable is 0 (not a success).
    /// </summary>
    public static int ParseSonuc(string sonuc)
    {
        return int.TryParse(sonuc?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    /// <summary>Any call: Sonuc &gt; 0.</summary>
    public static bool IsSuccess(int sonuc)
    {
        return sonuc > 0;
    }

    /// <summary>TP_WMD_UCD / OnProv_WMD in 3D mode: Sonuc &gt; 0 and UCD_HTML is the bank's page (not the NonSecure marker).</summary>
    public static bool IsThreeDStarted(int sonuc, string ucdHtml)
    {
        return sonuc > 0 && !string.IsNullOrWhiteSpace(ucdHtml) && !IsNonSecureMarker(ucdHtml);
    }

    /// <summary>TP_WMD_UCD / OnProv_WMD in NonSecure mode: Sonuc &gt; 0, UCD_HTML = NONSECURE and Islem_ID (the receipt) &gt; 0.</summary>
    public static bool IsNonSecureApproved(int sonuc, string ucdHtml, long islemId)
    {
        return sonuc > 0 && IsNonSecureMarker(ucdHtml) && islemId > 0;
    }

    /// <summary>TP_WMD_Pay: Sonuc &gt; 0 and Dekont_ID &gt; 0.</summary>
    public static bool IsPaymentCompleted(int sonuc, string dekontId)
    {
        return sonuc > 0 && ParseReceiptId(dekontId) > 0;
    }

    /// <summary>TP_Islem_Odeme_OnProv_Kapa: Sonuc &gt; 0 and Dekont_ID &gt; 0.</summary>
    public static bool IsCaptureCompleted(int sonuc, long dekontId)
    {
        return sonuc > 0 && dekontId > 0;
    }

    /// <summary>
    /// 3D callback: the mdStatus is one of the accepted values (only "1" unless configured otherwise).
    /// </summary>
    public static bool IsThreeDAuthenticated(string mdStatus, IReadOnlySet<string> acceptedMdStatuses = null)
    {
        return !string.IsNullOrEmpty(mdStatus) && (acceptedMdStatuses ?? DefaultAcceptedMdStatuses).Contains(mdStatus.Trim());
    }

    /// <summary>
    /// Parses a configured list of accepted mdStatus values ("1" or "1,2,3,4"); only 1–4 can ever be accepted.
    /// </summary>
    public static IReadOnlySet<string> ParseAcceptedMdStatuses(string configured)
    {
        var values = (configured ?? string.Empty)
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(value => value is "1" or "2" or "3" or "4")
            .ToHashSet(StringComparer.Ordinal);

        return values.Count == 0 ? DefaultAcceptedMdStatuses : values;
    }

    /// <summary>TP_Islem_Sorgulama4: the query worked and Odeme_Sonuc = 1 (a live sale).</summary>
    public static bool IsSaleSettled(int sonuc, int odemeSonuc)
    {
        return sonuc > 0 && odemeSonuc == 1;
    }

    /// <summary>
    /// Parses a receipt number (Dekont_ID, a string of digits); anything else is 0.
    /// </summary>
    public static long ParseReceiptId(string dekontId)
    {
        return long.TryParse(dekontId?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    private static bool IsNonSecureMarker(string ucdHtml)
    {
        return string.Equals(ucdHtml?.Trim(), NON_SECURE_MARKER, StringComparison.Ordinal);
    }
}
