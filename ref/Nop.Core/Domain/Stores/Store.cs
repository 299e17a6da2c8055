using Nop.Core.Domain.Common;

namespace Nop.Core.Domain.Stores;

public partial class Store : BaseEntity, ISoftDeletedEntity
{
    public string Name { get; set; }

    public string Url { get; set; }

    public bool SslEnabled { get; set; }

    public bool Deleted { get; set; }
}
