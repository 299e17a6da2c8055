namespace Nop.Core.Domain.Shipping;

public partial class ShipmentDeliveredEvent
{
    public ShipmentDeliveredEvent(Shipment shipment)
    {
        Shipment = shipment;
    }

    public Shipment Shipment { get; }
}
