using Nop.Core.Domain.Stores;

namespace Nop.Services.Stores;

public partial interface IStoreService
{
    Task<IList<Store>> GetAllStoresAsync();
}
