using System.Collections;
using Nop.Core;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Adds "Saved cards" to the customer's My account menu (after Orders) where the store offers saved cards to the
/// customer. The menu model (CustomerNavigationModel) lives in Nop.Web, outside the reference surface the plugin builds
/// against, so it is recognized by its full name and filled through its public properties.
/// </summary>
public class CustomerNavigationEventConsumer : IConsumer<ModelPreparedEvent<BaseNopModel>>
{
    #region Fields

    private const string NAVIGATION_MODEL = "Nop.Web.Models.Customer.CustomerNavigationModel";
    private const int ORDERS_TAB = 20;

    protected readonly ILocalizationService _localizationService;
    protected readonly IStoreContext _storeContext;
    protected readonly IWorkContext _workContext;
    protected readonly ParamCallRunner _callRunner;
    protected readonly SavedCardOffer _savedCardOffer;

    #endregion

    #region Ctor

    public CustomerNavigationEventConsumer(ILocalizationService localizationService,
        IStoreContext storeContext,
        IWorkContext workContext,
        ParamCallRunner callRunner,
        SavedCardOffer savedCardOffer)
    {
        _localizationService = localizationService;
        _storeContext = storeContext;
        _workContext = workContext;
        _callRunner = callRunner;
        _savedCardOffer = savedCardOffer;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Handle the model prepared event
    /// </summary>
    /// <param name="eventMessage">Event message</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public async Task HandleEventAsync(ModelPreparedEvent<BaseNopModel> eventMessage)
    {
        var model = eventMessage.Model;
        if (model?.GetType().FullName != NAVIGATION_MODEL || model.GetType().GetProperty("CustomerNavigationItems")?.GetValue(model) is not IList items)
            return;

        var store = await _storeContext.GetCurrentStoreAsync();
        if (!await _savedCardOffer.CanSaveAsync(await _callRunner.LoadSettingsAsync(store.Id), await _workContext.GetCurrentCustomerAsync()))
            return;

        var itemType = items.GetType().GetGenericArguments().FirstOrDefault();
        if (itemType is null || Activator.CreateInstance(itemType) is not { } item)
            return;

        itemType.GetProperty("RouteName")?.SetValue(item, ParamPosDefaults.Route.SavedCards);
        itemType.GetProperty("Title")?.SetValue(item, await _localizationService.GetPluginResourceAsync("SavedCards.MenuTitle"));
        itemType.GetProperty("Tab")?.SetValue(item, ParamPosDefaults.SavedCardsMenuTab);
        itemType.GetProperty("ItemClass")?.SetValue(item, "parampos-saved-cards");

        var orders = items.Cast<object>().Select((existing, index) => (existing, index))
            .FirstOrDefault(pair => pair.existing.GetType().GetProperty("Tab")?.GetValue(pair.existing) is ORDERS_TAB);
        items.Insert(orders.existing is null ? items.Count : orders.index + 1, item);
    }

    #endregion
}
