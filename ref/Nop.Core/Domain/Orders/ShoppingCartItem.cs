namespace Nop.Core.Domain.Orders;

public partial class ShoppingCartItem : BaseEntity
{
    public int StoreId { get; set; }

    public int ShoppingCartTypeId { get; set; }

    public int CustomerId { get; set; }

    public int ProductId { get; set; }

    public int Quantity { get; set; }

    public ShoppingCartType ShoppingCartType
    {
        get => (ShoppingCartType)ShoppingCartTypeId;
        set => ShoppingCartTypeId = (int)value;
    }
}
