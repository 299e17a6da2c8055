using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Reads and checks the card form (ValidatePaymentFormAsync, GetPaymentInfoAsync, the pay-again page).
/// Nothing posted is trusted beyond the card itself and the chosen installment count.
/// </summary>
public static class PaymentForm
{
    public const string HOLDER = "CardholderName";
    public const string NUMBER = "CardNumber";
    public const string MONTH = "ExpireMonth";
    public const string YEAR = "ExpireYear";
    public const string CVC = "CardCode";
    public const string INSTALLMENTS = "Installments";
    public const string SAVED_CARD = "SavedCardId";
    public const string SAVED_CARD_CVC = "SavedCardCode";
    public const string SAVE_CARD = "SaveCard";

    /// <summary>
    /// Reads the form. Errors are locale resource keys (under Plugins.Payments.ParamPos.).
    /// </summary>
    /// <param name="form">Posted form</param>
    /// <param name="today">Today (UTC), for the expiry check</param>
    public static (CardDetails Card, int Installments, IReadOnlyList<string> Errors) Read(IFormCollection form, DateTime today)
    {
        var errors = new List<string>();

        var holder = (form[HOLDER].ToString() ?? string.Empty).Trim();
        if (holder.Length is < 2 or > 100)
            errors.Add("Validation.CardholderRequired");

        var number = new string(form[NUMBER].ToString().Where(character => character is not (' ' or '-')).ToArray());
        var numberValid = number.Length is >= 15 and <= 19 && number.All(char.IsAsciiDigit) && PassesLuhn(number);
        if (!numberValid)
            errors.Add("Validation.CardNumberInvalid");

        var monthValid = int.TryParse(form[MONTH], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12;
        var yearValid = int.TryParse(form[YEAR], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is (>= 0 and <= 99) or (>= 2000 and <= 2099);
        if (yearValid && year < 100)
            year += 2000;
        if (!monthValid || !yearValid)
            errors.Add("Validation.ExpiryInvalid");
        else if (new DateTime(year, month, 1).AddMonths(1) <= today.Date)
            errors.Add("Validation.CardExpired");
        else if (year > today.Year + 20)
            errors.Add("Validation.ExpiryInvalid");

        var cvc = form[CVC].ToString().Trim();
        var cvcLength = numberValid && (number.StartsWith("34", StringComparison.Ordinal) || number.StartsWith("37", StringComparison.Ordinal)) ? 4 : 3;
        if (cvc.Length != cvcLength || !cvc.All(char.IsAsciiDigit))
            errors.Add("Validation.CvcInvalid");

        var installments = 1;
        var installmentsText = form[INSTALLMENTS].ToString();
        if (!string.IsNullOrEmpty(installmentsText)
            && (!int.TryParse(installmentsText, NumberStyles.None, CultureInfo.InvariantCulture, out installments) || installments is < 1 or > 12))
        {
            errors.Add("Validation.InstallmentNotOffered");
            installments = 1;
        }

        var card = errors.Count == 0 ? new CardDetails(holder, number, month, year, cvc) : null;

        return (card, installments, errors);
    }

    /// <summary>
    /// Reads the choice of a saved card: null when the shopper pays with a new card. The id is only a claim until the
    /// saved card is found with its owner; errors are locale resource keys.
    /// </summary>
    /// <param name="form">Posted form</param>
    public static (SavedCardChoice Choice, int Installments, IReadOnlyList<string> Errors)? ReadSavedCard(IFormCollection form)
    {
        var posted = form[SAVED_CARD].ToString();
        if (string.IsNullOrEmpty(posted) || posted == "new")
            return null;

        var errors = new List<string>();
        if (!int.TryParse(posted, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            errors.Add("SavedCards.NotFound");

        var cvc = form[SAVED_CARD_CVC].ToString().Trim();
        if (cvc.Length is not (3 or 4) || !cvc.All(char.IsAsciiDigit))
            errors.Add("Validation.CvcInvalid");

        var installments = 1;
        var installmentsText = form[INSTALLMENTS].ToString();
        if (!string.IsNullOrEmpty(installmentsText)
            && (!int.TryParse(installmentsText, NumberStyles.None, CultureInfo.InvariantCulture, out installments) || installments is < 1 or > 12))
        {
            errors.Add("Validation.InstallmentNotOffered");
            installments = 1;
        }

        return (errors.Count == 0 ? new SavedCardChoice(id, cvc) : null, installments, errors);
    }

    /// <summary>
    /// Gets a value indicating whether the shopper ticked "Save this card for next time"
    /// </summary>
    public static bool WantsCardSaved(IFormCollection form)
    {
        return form[SAVE_CARD].Any(value => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "on");
    }

    /// <summary>
    /// Gets a value indicating whether the form is this plugin's card form (a stale request from another method has none of it).
    /// </summary>
    public static bool IsPresent(IFormCollection form)
    {
        return (form.ContainsKey(NUMBER) && form.ContainsKey(CVC)) || form.ContainsKey(SAVED_CARD);
    }

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var index = 0; index < digits.Length; index++)
        {
            var digit = digits[digits.Length - 1 - index] - '0';
            if (index % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                    digit -= 9;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}

/// <summary>
/// A saved card chosen at checkout and the CVC typed for this payment. Kept only in the <see cref="CardVault"/>.
/// </summary>
/// <param name="SavedCardId">The saved card's id, checked against its owner before every use.</param>
/// <param name="Cvc">The CVC (never stored beyond the vault's few minutes).</param>
public sealed record SavedCardChoice(int SavedCardId, string Cvc)
{
    public override string ToString() => $"saved card {SavedCardId} (CVC hidden)";
}
