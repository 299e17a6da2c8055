using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// The only code that knows Param's hash formulas (ParamPOS.md §6). Computed locally: never through the remote
/// SHA2B64 call, which would cost a round trip per payment. Inputs are the exact strings sent on the wire.
/// </summary>
public static class ParamHash
{
    // ISO-8859-9 (Turkish, Latin-5) for request hashes, as Param's own Node client does (OPEN-QUESTIONS A12).
    // Taken from the provider without registering it, so the host's global encoding table is left alone.
    private static readonly Encoding Latin5 = CodePagesEncodingProvider.Instance.GetEncoding(28599)
        ?? throw new InvalidOperationException("ISO-8859-9 is not available.");

    /// <summary>
    /// What the service's SHA2B64 method computes: Base64(SHA-1(ISO-8859-9 bytes)). Despite its name, SHA-1.
    /// </summary>
    public static string Sha2B64(string data)
    {
        ArgumentNullException.ThrowIfNull(data);

        return Convert.ToBase64String(SHA1.HashData(Latin5.GetBytes(data)));
    }

    /// <summary>
    /// Islem_Hash of TP_WMD_UCD: CLIENT_CODE + GUID + Taksit + Islem_Tutar + Toplam_Tutar + Siparis_ID.
    /// </summary>
    public static string ForSale(string clientCode, string guid, int installments, string islemTutar, string toplamTutar, string siparisId)
    {
        return Sha2B64(clientCode + guid + installments.ToString(System.Globalization.CultureInfo.InvariantCulture) + islemTutar + toplamTutar + siparisId);
    }

    /// <summary>
    /// Islem_Hash of TP_Islem_Odeme_OnProv_WMD: CLIENT_CODE + GUID + Islem_Tutar + Toplam_Tutar + Siparis_ID + Hata_URL + Basarili_URL (no Taksit).
    /// </summary>
    public static string ForPreAuthorization(string clientCode, string guid, string islemTutar, string toplamTutar, string siparisId, string hataUrl, string basariliUrl)
    {
        return Sha2B64(clientCode + guid + islemTutar + toplamTutar + siparisId + hataUrl + basariliUrl);
    }

    /// <summary>
    /// Islem_Hash of Pos_Odeme (3D Pay): CLIENT_CODE + GUID + Taksit + Islem_Tutar + Toplam_Tutar + Siparis_ID + Hata_URL + Basarili_URL.
    /// </summary>
    public static string ForThreeDPay(string clientCode, string guid, int installments, string islemTutar, string toplamTutar, string siparisId, string hataUrl, string basariliUrl)
    {
        return Sha2B64(clientCode + guid + installments.ToString(System.Globalization.CultureInfo.InvariantCulture) + islemTutar + toplamTutar + siparisId + hataUrl + basariliUrl);
    }

    /// <summary>
    /// Islem_Hash of TP_Islem_Odeme_WD: as the pre-authorization's, no Doviz_Kodu and no Taksit (§6.2).
    /// </summary>
    public static string ForForeignCurrency(string clientCode, string guid, string islemTutar, string toplamTutar, string siparisId, string hataUrl, string basariliUrl)
    {
        return ForPreAuthorization(clientCode, guid, islemTutar, toplamTutar, siparisId, hataUrl, basariliUrl);
    }

    /// <summary>
    /// islemHash of the 3D Model callback: Base64(SHA-1(UTF-8(islemGUID + md + mdStatus + orderId + GUID))), GUID lower-cased (§6.3).
    /// </summary>
    public static string ForThreeDCallback(string islemGuid, string md, string mdStatus, string orderId, string merchantGuid)
    {
        var input = islemGuid + md + mdStatus + orderId + (merchantGuid ?? string.Empty).ToLowerInvariant();

        return Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(input)));
    }

    /// <summary>
    /// TURKPOS_RETVAL_Hash of a 3D Pay / hosted-page POST-back: CLIENT_CODE + GUID + Dekont_ID + Tahsilat_Tutari + Siparis_ID + Islem_ID (§6.4).
    /// </summary>
    public static string ForThreeDPayCallback(string clientCode, string guid, string dekontId, string tahsilatTutari, string siparisId, string islemId)
    {
        return Sha2B64(clientCode + guid + dekontId + tahsilatTutari + siparisId + islemId);
    }

    /// <summary>
    /// Checks a 3D Model callback hash in constant time. Any missing field fails.
    /// </summary>
    public static bool VerifyThreeDCallback(string receivedHash, string islemGuid, string md, string mdStatus, string orderId, string merchantGuid)
    {
        if (string.IsNullOrEmpty(receivedHash) || islemGuid is null || md is null || mdStatus is null || orderId is null || string.IsNullOrEmpty(merchantGuid))
            return false;

        return FixedTimeEquals(receivedHash, ForThreeDCallback(islemGuid, md, mdStatus, orderId, merchantGuid));
    }

    /// <summary>
    /// Checks a TURKPOS_RETVAL_Hash in constant time, with the store's own CLIENT_CODE and GUID (never the posted GUID).
    /// Any missing field fails.
    /// </summary>
    public static bool VerifyThreeDPayCallback(string receivedHash, string clientCode, string merchantGuid, string dekontId, string tahsilatTutari, string siparisId, string islemId)
    {
        if (string.IsNullOrEmpty(receivedHash) || string.IsNullOrEmpty(clientCode) || string.IsNullOrEmpty(merchantGuid) || dekontId is null || tahsilatTutari is null
            || siparisId is null || islemId is null)
            return false;

        return FixedTimeEquals(receivedHash, ForThreeDPayCallback(clientCode, merchantGuid, dekontId, tahsilatTutari, siparisId, islemId));
    }

    /// <summary>
    /// Compares two hash strings in constant time.
    /// </summary>
    public static bool FixedTimeEquals(string received, string expected)
    {
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(received ?? string.Empty), Encoding.ASCII.GetBytes(expected ?? string.Empty));
    }
}
