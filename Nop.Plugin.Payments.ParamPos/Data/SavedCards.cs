using Nop.Data;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// The saved-card table. Every read that leads to a use is by owner: a card is found only with its customer and store,
/// so an id from a browser can never reach another customer's card.
/// </summary>
public class SavedCards
{
    protected readonly IRepository<ParamPosSavedCard> _repository;

    public SavedCards(IRepository<ParamPosSavedCard> repository)
    {
        _repository = repository;
    }

    /// <summary>
    /// Gets a customer's cards in a store, newest first
    /// </summary>
    public virtual async Task<IList<ParamPosSavedCard>> OfCustomerAsync(int customerId, int storeId)
    {
        return await _repository.GetAllAsync(query => query.Where(card => card.CustomerId == customerId && card.StoreId == storeId)
            .OrderByDescending(card => card.CreatedOnUtc).ThenByDescending(card => card.Id));
    }

    /// <summary>
    /// Gets every card of a customer, in any store (a customer being erased)
    /// </summary>
    public virtual async Task<IList<ParamPosSavedCard>> AllOfCustomerAsync(int customerId)
    {
        return await _repository.GetAllAsync(query => query.Where(card => card.CustomerId == customerId));
    }

    /// <summary>
    /// Gets a card only when it belongs to this customer in this store; null for anyone else's, a deleted or an unknown id
    /// </summary>
    public virtual async Task<ParamPosSavedCard> OwnedAsync(int id, int customerId, int storeId)
    {
        if (id <= 0 || customerId <= 0)
            return null;

        var card = await _repository.GetByIdAsync(id);

        return card is not null && card.CustomerId == customerId && card.StoreId == storeId ? card : null;
    }

    /// <summary>
    /// Gets a customer's saved card with the same number (masked) and expiry in a store, or null
    /// </summary>
    public virtual async Task<ParamPosSavedCard> SameCardAsync(int customerId, int storeId, string maskedNumber, int expiryMonth, int expiryYear)
    {
        return (await _repository.GetAllAsync(query => query.Where(card => card.CustomerId == customerId && card.StoreId == storeId && card.MaskedNumber == maskedNumber
            && card.ExpiryMonth == expiryMonth && card.ExpiryYear == expiryYear))).FirstOrDefault();
    }

    /// <summary>
    /// Adds a card stored at Param
    /// </summary>
    public virtual Task AddAsync(ParamPosSavedCard card)
    {
        return _repository.InsertAsync(card, publishEvent: false);
    }

    /// <summary>
    /// Removes a card; true only for the one request whose delete removed the row (two clicks remove it once)
    /// </summary>
    public virtual async Task<bool> RemoveAsync(ParamPosSavedCard card)
    {
        var id = card.Id;

        return await _repository.DeleteAsync(row => row.Id == id) == 1;
    }
}
