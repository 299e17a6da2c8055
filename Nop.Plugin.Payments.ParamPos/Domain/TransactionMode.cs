namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// When the card is charged.
/// </summary>
public enum TransactionMode
{
    /// <summary>Charged at checkout (TP_WMD_UCD, then TP_WMD_Pay): the order is paid.</summary>
    Sale = 0,

    /// <summary>
    /// The amount is held on the card at checkout (TP_Islem_Odeme_OnProv_WMD, then TP_WMD_Pay) and charged when the
    /// store captures the order (TP_Islem_Odeme_OnProv_Kapa), or released when it voids it (TP_Islem_Iptal_OnProv).
    /// </summary>
    AuthorizeOnly = 10
}
