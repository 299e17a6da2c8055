namespace Nop.Core.Domain.Discounts;

public partial class Discount : BaseEntity
{
}
