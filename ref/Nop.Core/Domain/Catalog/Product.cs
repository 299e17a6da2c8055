using Nop.Core.Domain.Common;

namespace Nop.Core.Domain.Catalog;

public partial class Product : BaseEntity, ISoftDeletedEntity
{
    public string Name { get; set; }

    public string Sku { get; set; }

    public int VendorId { get; set; }

    public bool Deleted { get; set; }
}
