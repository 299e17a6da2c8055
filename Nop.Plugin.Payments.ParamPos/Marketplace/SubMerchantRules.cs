using Nop.Plugin.Payments.ParamPos.Gateway;

namespace Nop.Plugin.Payments.ParamPos.Marketplace;

/// <summary>
/// What Param requires of a seller before registering it (Pazaryeri.md §2.1's conditional rules and §5.3): each
/// problem names the field; a seller with none can be sent. Pure; no I/O.
/// </summary>
public static class SubMerchantRules
{
    /// <summary>
    /// Gets the problems of a seller's data, empty when Param's documented rules are met
    /// </summary>
    /// <param name="seller">The seller</param>
    /// <param name="today">Today, for the birth dates</param>
    public static IReadOnlyList<SubMerchantProblem> Problems(SubMerchant seller, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(seller);
        var problems = new List<SubMerchantProblem>();
        void Check(bool ok, SubMerchantProblem problem)
        {
            if (!ok)
                problems.Add(problem);
        }

        var company = seller.Type == SellerType.Company;
        Check(Enum.IsDefined(seller.Type), SubMerchantProblem.Type);
        Check(!string.IsNullOrWhiteSpace(seller.Name) && seller.Name.Trim().Length <= 150, SubMerchantProblem.Name);
        Check(company ? SellerIdentityRules.IsVkn(seller.IdentityNumber) : SellerIdentityRules.IsTckn(seller.IdentityNumber), SubMerchantProblem.IdentityNumber);
        Check(company || (seller.BirthDate is { } birth && birth < today && birth.Year > 1900), SubMerchantProblem.BirthDate);
        Check(SellerIdentityRules.NormalizeMobile(seller.Mobile) == seller.Mobile, SubMerchantProblem.Mobile);
        Check(SellerIdentityRules.NormalizeIban(seller.Iban) == seller.Iban, SubMerchantProblem.Iban);
        Check(!string.IsNullOrWhiteSpace(seller.IbanHolder) && seller.IbanHolder.Trim().Length <= 250, SubMerchantProblem.IbanHolder);
        Check(seller.Province is >= 1 and <= 81, SubMerchantProblem.Province);
        Check(seller.District is >= 1000 and <= 9999, SubMerchantProblem.District);
        Check(seller.Type == SellerType.Individual || !string.IsNullOrWhiteSpace(seller.TaxOffice), SubMerchantProblem.TaxOffice);
        Check(!company || SellerIdentityRules.IsTckn(seller.AuthorisedPersonIdentity), SubMerchantProblem.AuthorisedPerson);
        Check(string.IsNullOrEmpty(seller.AuthorisedPersonIdentity) || seller.AuthorisedPersonBirthDate is not null, SubMerchantProblem.AuthorisedPersonBirthDate);
        Check((seller.Address?.Length ?? 0) <= 200 && (seller.Email?.Length ?? 0) <= 150, SubMerchantProblem.Length);

        return problems;
    }
}

/// <summary>A field of a seller's data that Param would refuse.</summary>
public enum SubMerchantProblem
{
    Type,
    Name,
    IdentityNumber,
    BirthDate,
    Mobile,
    Iban,
    IbanHolder,
    Province,
    District,
    TaxOffice,
    AuthorisedPerson,
    AuthorisedPersonBirthDate,
    Length
}
