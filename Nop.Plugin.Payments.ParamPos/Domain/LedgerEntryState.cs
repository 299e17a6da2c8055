namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Where a ledger entry stands.
/// </summary>
public enum LedgerEntryState
{
    /// <summary>Claimed: its owner is sending the call or updating the order (or stopped while doing so).</summary>
    Sending = 10,

    /// <summary>Done: Param approved, or the order was updated.</summary>
    Succeeded = 20,

    /// <summary>Param answered and refused: nothing happened.</summary>
    Refused = 30,

    /// <summary>Certainly not carried out: the call never reached Param's processing (refused connection, SOAP fault, HTTP 4xx), or the order could not be updated.</summary>
    NotSent = 40,

    /// <summary>Sent without a usable answer: settled by asking Param (TP_Islem_Sorgulama4), never by sending again.</summary>
    Unknown = 50
}
