using System.Text.Json;
using Nop.Core.Domain.Customers;
using Nop.Services.Common;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// The installment choice of a customer in a store, kept between the payment info step and the order (generic
/// attribute) so the payment fee in the order total can follow it. Holds no card data: the program id and the count.
/// </summary>
public class InstallmentChoiceStore
{
    #region Fields

    protected readonly IGenericAttributeService _genericAttributeService;

    #endregion

    #region Ctor

    public InstallmentChoiceStore(IGenericAttributeService genericAttributeService)
    {
        _genericAttributeService = genericAttributeService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Records the customer's choice
    /// </summary>
    public virtual Task SaveAsync(Customer customer, int storeId, InstallmentChoice choice)
    {
        return _genericAttributeService.SaveAttributeAsync(customer, ParamPosDefaults.InstallmentChoiceAttribute, JsonSerializer.Serialize(choice), storeId);
    }

    /// <summary>
    /// Gets the customer's choice, or null (none, or not one this version wrote: the shopper chooses again)
    /// </summary>
    public virtual async Task<InstallmentChoice> GetAsync(int customerId, int storeId)
    {
        var value = await _genericAttributeService.GetAttributeAsync<Customer, string>(customerId, ParamPosDefaults.InstallmentChoiceAttribute, storeId);
        if (string.IsNullOrEmpty(value))
            return null;

        try
        {
            return JsonSerializer.Deserialize<InstallmentChoice>(value) is { Installments: >= 1 and <= 12 } choice ? choice : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Forgets the customer's choice (when the order is placed)
    /// </summary>
    public virtual Task ClearAsync(Customer customer, int storeId)
    {
        return _genericAttributeService.SaveAttributeAsync<string>(customer, ParamPosDefaults.InstallmentChoiceAttribute, null, storeId);
    }

    #endregion
}

/// <summary>
/// A customer's installment choice.
/// </summary>
/// <param name="PosId">Card program (SanalPOS_ID) of the card entered.</param>
/// <param name="Installments">Chosen count.</param>
/// <param name="IsDebit">Whether the card is a debit card.</param>
public sealed record InstallmentChoice(int PosId, int Installments, bool IsDebit);
