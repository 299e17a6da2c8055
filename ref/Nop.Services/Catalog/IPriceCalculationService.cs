using Nop.Core.Domain.Directory;

namespace Nop.Services.Catalog;

public partial interface IPriceCalculationService
{
    Task<decimal> RoundPriceAsync(decimal value, Currency currency = null);
}
