using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParamPos.Sandbox.Paratika;

/// <summary>
/// Paratika's API actions as Paratika.md describes them (§4, §7, §8, §9, §13): a session per MERCHANTPAYMENTID, a
/// transaction table, and the day's end: before it a sale can be voided and not refunded (ERR10106); after it, the
/// reverse (ERR10033). Answers are camelCase JSON.
/// </summary>
public sealed class ParatikaService
{
    private static readonly string[] SessionRequired = ["SESSIONTYPE", "MERCHANTPAYMENTID", "AMOUNT", "CURRENCY", "CUSTOMER", "RETURNURL"];

    private readonly SandboxOptions _options;
    private readonly ParatikaState _state;
    private readonly TimeProvider _clock;

    public ParatikaService(SandboxOptions options, ParatikaState state, TimeProvider clock)
    {
        _options = options;
        _state = state;
        _clock = clock;
    }

    /// <summary>Answers one API request (its form fields, each name once).</summary>
    public JsonObject Handle(IReadOnlyDictionary<string, string> fields)
    {
        var action = fields.GetValueOrDefault("ACTION");
        var merchant = _options.Paratika;
        if (fields.GetValueOrDefault("MERCHANT") != merchant.Merchant)
            return Error("ERR10015", "Invalid merchant.", "MERCHANT");
        if (fields.GetValueOrDefault("MERCHANTUSER") != merchant.MerchantUser || fields.GetValueOrDefault("MERCHANTPASSWORD") != merchant.MerchantPassword)
            return Error("ERR10020", "Invalid user credentials.");

        return action switch
        {
            "SESSIONTOKEN" => CreateSession(fields),
            "QUERYTRANSACTION" => Query(fields),
            "REFUND" => Refund(fields),
            "VOID" => Void(fields),
            _ => Error("ERR10056", "Invalid API request.", "ACTION")
        };
    }

    private JsonObject CreateSession(IReadOnlyDictionary<string, string> fields)
    {
        if (SessionRequired.FirstOrDefault(name => string.IsNullOrEmpty(fields.GetValueOrDefault(name))) is { } missing)
            return Error("ERR10010", "Required but null parameter.", missing);
        if (fields["SESSIONTYPE"] != "PAYMENTSESSION")
            return Error("ERR10013", "Invalid data type.", "SESSIONTYPE");
        if (!TryAmount(fields["AMOUNT"], out var amount))
            return Error("ERR10016", "Invalid amount.", "AMOUNT");
        if (fields["CURRENCY"] is not ("TRY" or "USD" or "EUR" or "GBP"))
            return Error("ERR10017", "Invalid currency.", "CURRENCY");
        if (!Uri.TryCreate(fields["RETURNURL"], UriKind.Absolute, out _))
            return Error("ERR10101", "Invalid URL parameter.", "RETURNURL");

        var items = new List<(string, decimal)>();
        if (fields.TryGetValue("ORDERITEMS", out var encoded))
        {
            if (ReadItems(encoded) is not { } parsed)
                return Error("ERR10013", "Invalid data type.", "ORDERITEMS");
            // OPEN-QUESTIONS B7: accept the sum of the amounts or of amount × quantity.
            if (parsed.Sum(item => item.Amount) != amount && parsed.Sum(item => item.Amount * item.Quantity) != amount)
                return Error("ERR10022", "Order items total does not match the amount.", "ORDERITEMS");
            items.AddRange(parsed.Select(item => (item.Name, item.Amount * item.Quantity)));
        }

        var merchantPaymentId = fields["MERCHANTPAYMENTID"];
        return _state.Locked(() =>
        {
            if (_state.Rows(row => row.MerchantPaymentId == merchantPaymentId && row.Type == "SALE" && row.Status is "AP" or "VD").Count > 0)
                return Error("ERR10107", "Payment already made; no new session with this merchant payment id.", "MERCHANTPAYMENTID");

            var existing = _state.SessionsFor(merchantPaymentId);
            if (existing.Any(session => session.State == "final"))
                return Error("ERR10117", "This merchant payment id was used in a terminated session.", "MERCHANTPAYMENTID");
            if (existing.FirstOrDefault() is { } open)
            {
                if (open.Amount != amount || open.Currency != fields["CURRENCY"] || open.ReturnUrl != fields["RETURNURL"])
                    return Error("ERR10118", "A session exists for this merchant payment id with other values.", "MERCHANTPAYMENTID");

                return Approved(new JsonObject { ["sessionToken"] = open.Token });
            }

            var session = new ParatikaSession
            {
                Token = ParatikaState.NewToken(),
                MerchantPaymentId = merchantPaymentId,
                Amount = amount,
                Currency = fields["CURRENCY"],
                Customer = fields["CUSTOMER"],
                CustomerName = fields.GetValueOrDefault("CUSTOMERNAME"),
                ReturnUrl = fields["RETURNURL"],
                Items = items
            };
            _state.Add(session);

            return Approved(new JsonObject { ["sessionToken"] = session.Token });
        });
    }

    private JsonObject Query(IReadOnlyDictionary<string, string> fields)
    {
        var merchantPaymentId = fields.GetValueOrDefault("MERCHANTPAYMENTID");
        var pgTranId = fields.GetValueOrDefault("PGTRANID");
        if (string.IsNullOrEmpty(merchantPaymentId) && string.IsNullOrEmpty(pgTranId))
            return Error("ERR10080", "Give the merchant payment id or the session token.");

        var rows = _state.Rows(row => (merchantPaymentId is null || row.MerchantPaymentId == merchantPaymentId) && (pgTranId is null || row.PgTranId == pgTranId));
        if (rows.Count == 0)
            return Error("ERR10030", "Transaction not found.");

        var list = new JsonArray(rows.Select(row => (JsonNode)new JsonObject
        {
            ["pgTranId"] = row.PgTranId,
            ["pgOrderId"] = row.MerchantPaymentId,
            ["pgTranReturnCode"] = row.Status == "AP" ? "00" : "05",
            ["timeCreated"] = row.Created.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            ["amount"] = row.Amount,
            ["transactionStatus"] = row.Status,
            ["currency"] = row.Currency,
            ["paymentSystem"] = "SANDBOX",
            ["panLast4"] = row.PanLast4,
            ["transactionType"] = row.Type,
            ["installmentCount"] = row.Installments,
            ["customerId"] = row.Customer,
            ["bin"] = row.Bin
        }).ToArray());

        return Approved(new JsonObject
        {
            ["merchantPaymentId"] = merchantPaymentId,
            ["transactionCount"] = rows.Count,
            ["totalTransactionCount"] = rows.Count,
            ["transactionList"] = list
        });
    }

    private JsonObject Refund(IReadOnlyDictionary<string, string> fields)
    {
        return _state.Locked(() =>
        {
            if (FindSale(fields) is not { } sale)
                return Error("ERR10030", "Transaction not found.");
            if (sale.Status != "AP")
                return Error("ERR10031", "This transaction cannot be refunded.");
            if (sale.BusinessDay == _state.BusinessDay)
                return Error("ERR10106", "The amount has not been settled to the merchant yet; refund not possible.");

            var refunded = _state.Rows(row => row.MerchantPaymentId == sale.MerchantPaymentId && row.Type is "REFUND" or "PTREFUND" && row.Status == "AP").Sum(row => row.Amount);
            var left = sale.Amount - refunded;
            var amount = left;
            if (fields.TryGetValue("AMOUNT", out var text) && !TryAmount(text, out amount))
                return Error("ERR10032", "Invalid refund amount.", "AMOUNT");
            if (amount <= 0m || amount > left)
                return Error("ERR10032", "Invalid refund amount, or already refunded.", "AMOUNT");

            var row = Secondary(sale, amount == sale.Amount ? "REFUND" : "PTREFUND", amount);
            return Approved(Financial("REFUND", row));
        });
    }

    private JsonObject Void(IReadOnlyDictionary<string, string> fields)
    {
        return _state.Locked(() =>
        {
            if (FindSale(fields) is not { } sale)
                return Error("ERR10030", "Transaction not found.");
            var refunded = _state.Rows(row => row.MerchantPaymentId == sale.MerchantPaymentId && row.Type is "REFUND" or "PTREFUND" && row.Status == "AP").Count > 0;
            if (sale.Status != "AP" || sale.BusinessDay != _state.BusinessDay || refunded)
                return Error("ERR10033", "This transaction cannot be voided.");

            sale.Status = "VD";
            var row = Secondary(sale, "VOID", sale.Amount);
            return Approved(Financial("VOID", row));
        });
    }

    /// <summary>Records what the hosted page did: an approved or failed SALE.</summary>
    public ParatikaRow RecordSale(ParatikaSession session, string pan, bool approved, string errorCode)
    {
        var now = _clock.GetUtcNow();
        var row = new ParatikaRow
        {
            PgTranId = _state.NewPgTranId(now),
            MerchantPaymentId = session.MerchantPaymentId,
            Type = "SALE",
            Status = approved ? "AP" : "FA",
            Amount = session.Amount,
            Currency = session.Currency,
            Installments = session.Installments,
            Bin = pan[..6],
            PanLast4 = pan[^4..],
            Customer = session.Customer,
            BusinessDay = _state.BusinessDay,
            Created = now,
            ErrorCode = errorCode
        };
        _state.Add(row);

        return row;
    }

    private ParatikaRow FindSale(IReadOnlyDictionary<string, string> fields)
    {
        var pgTranId = fields.GetValueOrDefault("PGTRANID");
        var merchantPaymentId = fields.GetValueOrDefault("MERCHANTPAYMENTID");

        return _state.Rows(row => row.Type == "SALE" && row.Status is "AP" or "VD"
            && (pgTranId is not null ? row.PgTranId == pgTranId : row.MerchantPaymentId == merchantPaymentId)).FirstOrDefault();
    }

    private ParatikaRow Secondary(ParatikaRow sale, string type, decimal amount)
    {
        var now = _clock.GetUtcNow();
        var row = new ParatikaRow
        {
            PgTranId = _state.NewPgTranId(now),
            MerchantPaymentId = sale.MerchantPaymentId,
            Type = type,
            Status = "AP",
            Amount = amount,
            Currency = sale.Currency,
            Installments = 1,
            Bin = sale.Bin,
            PanLast4 = sale.PanLast4,
            Customer = sale.Customer,
            BusinessDay = _state.BusinessDay,
            Created = now
        };
        _state.Add(row);

        return row;
    }

    private JsonObject Financial(string action, ParatikaRow row)
    {
        return new JsonObject
        {
            ["action"] = action,
            ["merchant"] = _options.Paratika.Merchant,
            ["amount"] = row.Amount,
            ["currency"] = row.Currency,
            ["merchantPaymentId"] = row.MerchantPaymentId,
            ["pgTranId"] = row.PgTranId,
            ["pgTranRefId"] = row.PgTranId[^12..]
        };
    }

    /// <summary>ORDERITEMS after form decoding: one more URL-decoding (or raw JSON), then the array.</summary>
    private static List<(string Name, decimal Amount, decimal Quantity)> ReadItems(string value)
    {
        var json = value.TrimStart().StartsWith('[') ? value : Uri.UnescapeDataString(value.Replace('+', ' '));
        try
        {
            var items = new List<(string, decimal, decimal)>();
            foreach (var item in JsonNode.Parse(json)!.AsArray())
            {
                var amount = Number(item!["amount"]);
                var quantity = Number(item["quantity"]);
                if (amount is null || quantity is null)
                    return null;
                items.Add((item["name"]?.ToString(), amount.Value, quantity.Value));
            }

            return items;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static decimal? Number(JsonNode node)
    {
        if (node is null)
            return null;

        return node.GetValueKind() switch
        {
            JsonValueKind.Number => node.GetValue<decimal>(),
            JsonValueKind.String when TryAmount(node.GetValue<string>(), out var amount) => amount,
            _ => null
        };
    }

    private static bool TryAmount(string text, out decimal amount)
    {
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount) && amount >= 0m;
    }

    private static JsonObject Approved(JsonObject body)
    {
        body["responseCode"] = "00";
        body["responseMsg"] = "Approved";

        return body;
    }

    public static JsonObject Error(string code, string message, string violator = null)
    {
        var body = new JsonObject { ["responseCode"] = "98", ["responseMsg"] = "General Error", ["errorCode"] = code, ["errorMsg"] = message };
        if (violator is not null)
            body["violatorParam"] = violator;

        return body;
    }
}
