using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Models.Public;

/// <summary>
/// Represents the card form of the payment info step (and of the pay-again page)
/// </summary>
public record PaymentInfoModel : BaseNopModel
{
    /// <summary>Gets or sets the URL the form asks for installment quotes</summary>
    public string QuoteUrl { get; set; }

    /// <summary>Gets or sets the expiry months (01–12)</summary>
    public IList<SelectListItem> ExpireMonths { get; set; } = new List<SelectListItem>();

    /// <summary>Gets or sets the expiry years (this year and the next 15)</summary>
    public IList<SelectListItem> ExpireYears { get; set; } = new List<SelectListItem>();

    /// <summary>Gets or sets the GUID of the order being paid again, or null at checkout (the quote is then for the cart)</summary>
    public Guid? OrderGuid { get; set; }

    /// <summary>Gets or sets the installment count selected when the table appears (the order's own on the pay-again page)</summary>
    public int SelectedInstallments { get; set; } = 1;

    /// <summary>Gets or sets texts the script shows, already localized</summary>
    public IDictionary<string, string> ScriptTexts { get; set; } = new Dictionary<string, string>();

    /// <summary>Gets or sets what the shopper pays in a foreign currency (no installment table then), or null for a lira payment</summary>
    public string ForeignCurrencyNote { get; set; }

    /// <summary>Gets or sets the customer's saved cards offered first (registered customers of a store that offers them)</summary>
    public IList<SavedCardModel> SavedCards { get; set; } = new List<SavedCardModel>();

    /// <summary>Gets or sets a value indicating whether "Save this card for next time" is offered</summary>
    public bool OfferSaveCard { get; set; }
}
