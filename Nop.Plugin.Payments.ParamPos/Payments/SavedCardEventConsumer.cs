using Nop.Core.Domain.Gdpr;
using Nop.Services.Events;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Deletes a customer's saved cards, at Param too, when nopCommerce's GDPR tools erase the customer
/// </summary>
public class SavedCardEventConsumer : IConsumer<CustomerPermanentlyDeleted>
{
    #region Fields

    protected readonly SavedCardRemover _savedCardRemover;

    #endregion

    #region Ctor

    public SavedCardEventConsumer(SavedCardRemover savedCardRemover)
    {
        _savedCardRemover = savedCardRemover;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Handle the customer permanently deleted event
    /// </summary>
    /// <param name="eventMessage">Event message</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public Task HandleEventAsync(CustomerPermanentlyDeleted eventMessage)
    {
        return _savedCardRemover.DeleteAllOfCustomerAsync(eventMessage.CustomerId);
    }

    #endregion
}
