using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Models.Public;

/// <summary>
/// Represents the page the shopper sees when a payment did not complete (or is still being confirmed)
/// </summary>
public record PaymentResultModel : BaseNopModel
{
    /// <summary>Gets or sets the order number</summary>
    public string OrderNumber { get; set; }

    /// <summary>Gets or sets the title</summary>
    public string Title { get; set; }

    /// <summary>Gets or sets the explanation</summary>
    public string Message { get; set; }

    /// <summary>Gets or sets the reason given by the bank or 3-D Secure, or null</summary>
    public string Reason { get; set; }

    /// <summary>Gets or sets a value indicating whether the payment is still being confirmed (the page refreshes)</summary>
    public bool IsProcessing { get; set; }

    /// <summary>Gets or sets the pay-again URL, or null when paying again is not possible</summary>
    public string PayAgainUrl { get; set; }

    /// <summary>Gets or sets the URL of the order details</summary>
    public string OrderDetailsUrl { get; set; }

    /// <summary>Gets or sets the URL of the cart, when the items were put back in it</summary>
    public string CartUrl { get; set; }

    /// <summary>Gets or sets a value indicating whether the order was cancelled and its items put back in the cart</summary>
    public bool CartRestored { get; set; }
}
