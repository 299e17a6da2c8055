using Nop.Core;

namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Represents one change of a declared share's approval at Param (approve: Durum 1, withdraw: Durum 0), claimed by a
/// unique (share, sequence) insert so that two nodes never send the same change; the share's approval is that of its
/// latest successful change.
/// </summary>
public class ParamPosMarketplaceApproval : BaseEntity
{
    /// <summary>Gets or sets Param's PYSiparis_GUID of the share</summary>
    public string ShareGuid { get; set; }

    public Guid OrderGuid { get; set; }

    public int Sequence { get; set; }

    /// <summary>Gets or sets a value indicating whether this change approves (true) or withdraws the approval (false)</summary>
    public bool Approve { get; set; }

    /// <summary>Gets or sets a value indicating whether Param accepted the change</summary>
    public bool Succeeded { get; set; }

    /// <summary>Gets or sets what triggered it and what Param answered</summary>
    public string Answer { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    /// <summary>Gets or sets when Param's answer (or its absence) was recorded; null while the change is under way</summary>
    public DateTime? CompletedOnUtc { get; set; }
}
