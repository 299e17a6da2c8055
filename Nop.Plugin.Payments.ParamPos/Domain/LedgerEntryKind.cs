namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// What a ledger entry is: a call that moves money, or an order update made once because of one.
/// </summary>
public enum LedgerEntryKind
{
    /// <summary>
    /// The attempt's completion: TP_WMD_Pay after 3-D Secure (or a TP_WMD_UCD that charged at once). For a sale it
    /// charges the card; for a pre-authorization it holds the amount until a <see cref="Capture"/> or a <see cref="Void"/>.
    /// </summary>
    Charge = 10,

    /// <summary>A same-day cancel of the whole sale (TP_Islem_Iptal_Iade_Kismi2, IPTAL).</summary>
    Cancel = 20,

    /// <summary>A refund of part or all of the sale (TP_Islem_Iptal_Iade_Kismi2, IADE).</summary>
    Refund = 30,

    /// <summary>The capture of a held pre-authorization (TP_Islem_Odeme_OnProv_Kapa): the card is charged.</summary>
    Capture = 40,

    /// <summary>The release of a held pre-authorization that was not captured (TP_Islem_Iptal_OnProv).</summary>
    Void = 50,

    /// <summary>The order was marked paid for a charge.</summary>
    OrderPaid = 100,

    /// <summary>The order was marked authorized for a held pre-authorization.</summary>
    OrderAuthorized = 105,

    /// <summary>A refund settled after the fact (its answer was lost) was added to the order's refunded amount.</summary>
    OrderRefunded = 110,

    /// <summary>The order was cancelled and its items put back in the cart, after a declined payment (store setting).</summary>
    OrderCancelled = 120,

    /// <summary>A payment Param could not confirm by the deadline was left for the merchant, with a note.</summary>
    LeftForMerchant = 130,

    /// <summary>The reconciliation task is asking Param about an entry whose outcome is not known (one node at a time).</summary>
    StatusQuery = 140,

    /// <summary>
    /// What version 1.0 recorded on the order is being (Sending) or was (Succeeded) imported into the ledger: always
    /// the order's first entry, so an import that stopped half-way is recognised and finished.
    /// </summary>
    Imported = 150,

    /// <summary>The store was warned (an order note) that a held pre-authorization is getting old and may be released by the bank.</summary>
    AuthorizationAgeWarned = 160
}
