using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Models.Public;

/// <summary>
/// Represents the customer's saved cards page (My account)
/// </summary>
public record SavedCardListModel : BaseNopModel
{
    /// <summary>Gets or sets the cards, newest first</summary>
    public IList<SavedCardModel> Cards { get; set; } = new List<SavedCardModel>();

    /// <summary>Gets or sets what the last action did, already localized, or null</summary>
    public string Message { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Message"/> reports a failure</summary>
    public bool MessageIsError { get; set; }
}

/// <summary>
/// Represents a saved card as the customer sees it: masked, never more
/// </summary>
public record SavedCardModel : BaseNopModel
{
    public int Id { get; set; }

    /// <summary>Gets or sets the masked number (first 6, last 4)</summary>
    public string MaskedNumber { get; set; }

    /// <summary>Gets or sets "Bank · family"</summary>
    public string Description { get; set; }

    /// <summary>Gets or sets the expiry as MM/yyyy</summary>
    public string Expiry { get; set; }

    /// <summary>Gets or sets a value indicating whether the card has expired (it cannot pay any more)</summary>
    public bool Expired { get; set; }
}
