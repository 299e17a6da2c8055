using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Models.Public;

/// <summary>
/// Represents the pay-again page of a pending order: a card form for the order's total, which cannot change
/// </summary>
public record PayAgainModel : BaseNopModel
{
    /// <summary>Gets or sets the order GUID</summary>
    public Guid OrderGuid { get; set; }

    /// <summary>Gets or sets the order number</summary>
    public string OrderNumber { get; set; }

    /// <summary>Gets or sets the total to pay, formatted</summary>
    public string Total { get; set; }

    /// <summary>Gets or sets what the page is for, said to the shopper</summary>
    public string Introduction { get; set; }

    /// <summary>Gets or sets the card form</summary>
    public PaymentInfoModel Form { get; set; }

    /// <summary>Gets or sets a value indicating whether the shopper pays on Paratika's page (no card form here)</summary>
    public bool HostedPage { get; set; }

    /// <summary>Gets or sets the errors of the last attempt</summary>
    public IList<string> Errors { get; set; } = new List<string>();
}
