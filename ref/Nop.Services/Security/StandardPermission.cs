namespace Nop.Services.Security;

public partial class StandardPermission
{
    public partial class Orders
    {
        public const string ORDERS_VIEW = "Orders.OrdersView";

        public const string ORDERS_CREATE_EDIT_DELETE = "Orders.OrdersCreateEditDelete";
    }

    public partial class Customers
    {
        public const string VENDORS_CREATE_EDIT_DELETE = $"{nameof(Customers)}.VendorsCreateEditDelete";
    }

    public partial class Configuration
    {
        public const string MANAGE_PAYMENT_METHODS = "Configuration.ManagePaymentMethods";
    }
}
