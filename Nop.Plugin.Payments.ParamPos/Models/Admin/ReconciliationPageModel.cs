using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// Represents the reconciliation page: a store's day checked against Param's records (both sides side by side and each
/// difference in words, with its order), and the last 30 days.
/// </summary>
public record ReconciliationPageModel : BaseNopModel
{
    public int StoreId { get; set; }

    /// <summary>Gets or sets the Turkish day shown (yyyy-MM-dd)</summary>
    public string Day { get; set; }

    public IList<SelectListItem> AvailableStores { get; set; } = new List<SelectListItem>();

    /// <summary>Gets or sets a value indicating whether the day was checked</summary>
    public bool Checked { get; set; }

    /// <summary>Gets or sets when it was checked (UTC, for the admin's display), or null</summary>
    public string CheckedOn { get; set; }

    /// <summary>Gets or sets why the day could not be checked, or null</summary>
    public string Error { get; set; }

    public bool IsClean { get; set; }

    /// <summary>Gets or sets the day's sums: a line per figure, Param's and the store's</summary>
    public IList<ReconciliationFigureModel> Figures { get; set; } = new List<ReconciliationFigureModel>();

    public IList<ReconciliationDifferenceModel> Differences { get; set; } = new List<ReconciliationDifferenceModel>();

    /// <summary>Gets or sets the last 30 days, oldest first</summary>
    public IList<ReconciliationDayModel> Days { get; set; } = new List<ReconciliationDayModel>();

    /// <summary>Gets or sets the 30 days for the chart, as JSON (labels, Param's gross, the store's gross)</summary>
    public string ChartJson { get; set; }
}

/// <summary>One figure of a day: its name, Param's value and the store's (empty where the store has none).</summary>
public record ReconciliationFigureModel(string Name, string Param, string Store, bool Differs);

/// <summary>One difference: what it is and what to do, and the order it concerns.</summary>
public record ReconciliationDifferenceModel(string Kind, string Text, int? OrderId, string OrderReference);

/// <summary>One day of the last 30: whether it was checked and how it went.</summary>
public record ReconciliationDayModel(string Day, bool Checked, bool Clean, string Error, string ParamGross, string StoreGross, int Differences);
