using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Models.Public;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Localization;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.ParamPos.Controllers;

/// <summary>
/// My account → Saved cards: the registered customer's cards stored at Param, and deleting them
/// </summary>
[AutoValidateAntiforgeryToken]
public class ParamPosSavedCardsController : BasePluginController
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly IStoreContext _storeContext;
    protected readonly IWorkContext _workContext;
    protected readonly ParamCallRunner _callRunner;
    protected readonly ParamPosModelFactory _modelFactory;
    protected readonly SavedCardOffer _savedCardOffer;
    protected readonly SavedCardRemover _savedCardRemover;
    protected readonly SavedCards _savedCards;

    #endregion

    #region Ctor

    public ParamPosSavedCardsController(ILocalizationService localizationService,
        IStoreContext storeContext,
        IWorkContext workContext,
        ParamCallRunner callRunner,
        ParamPosModelFactory modelFactory,
        SavedCardOffer savedCardOffer,
        SavedCardRemover savedCardRemover,
        SavedCards savedCards)
    {
        _modelFactory = modelFactory;
        _localizationService = localizationService;
        _storeContext = storeContext;
        _workContext = workContext;
        _callRunner = callRunner;
        _savedCardOffer = savedCardOffer;
        _savedCardRemover = savedCardRemover;
        _savedCards = savedCards;
    }

    #endregion

    #region Methods

    [HttpGet]
    public async Task<IActionResult> List()
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        if (!await _savedCardOffer.CanSaveAsync(await _callRunner.LoadSettingsAsync(store.Id), customer))
            return Challenge();

        return View(ParamPosDefaults.ViewsPath + "Public/SavedCards.cshtml", await _modelFactory.PrepareSavedCardListModelAsync(customer.Id, store.Id));
    }

    [HttpPost]
    public async Task<IActionResult> Delete(int id)
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        if (!await _savedCardOffer.CanSaveAsync(await _callRunner.LoadSettingsAsync(store.Id), customer))
            return Challenge();

        // The id comes from the browser: it reaches a card only with this customer and store.
        var card = await _savedCards.OwnedAsync(id, customer.Id, store.Id);
        string message;
        var isError = true;
        if (card is null)
        {
            message = await _localizationService.GetPluginResourceAsync("SavedCards.NotFound");
        }
        else
        {
            var (refusal, problem) = await _savedCardRemover.DeleteAsync(card);
            if (refusal is not null)
                message = string.Format(await _localizationService.GetPluginResourceAsync("SavedCards.DeleteRefused"), card.MaskedNumber, ParamErrorCatalog.Describe(refusal));
            else if (problem is not null)
                message = await _localizationService.GetPluginResourceAsync(problem);
            else
                (message, isError) = (string.Format(await _localizationService.GetPluginResourceAsync("SavedCards.Deleted"), card.MaskedNumber), false);
        }

        var model = await _modelFactory.PrepareSavedCardListModelAsync(customer.Id, store.Id);
        model.Message = message;
        model.MessageIsError = isError;

        return View(ParamPosDefaults.ViewsPath + "Public/SavedCards.cshtml", model);
    }

    #endregion

}
