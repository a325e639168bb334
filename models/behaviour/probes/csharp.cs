using System;
using System.Collections.Generic;
using System.Linq;

namespace Billing
{
    public record Invoice(string Customer, decimal Amount, DateTime Due);

    public class Ledger
    {
        private readonly List<Invoice> _invoices = new();

        public void Add(Invoice invoice)
        {
            if (invoice.Amount <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(invoice), "amount must be positive");
            }
            _invoices.Add(invoice);
        }

        public IEnumerable<Invoice> Overdue(DateTime today)
        {
            return _invoices.Where(i => i.Due < today).OrderBy(i => i.Due);
        }

        public Dictionary<string, decimal> TotalsByCustomer()
        {
            return _invoices
                .GroupBy(i => i.Customer)
                .ToDictionary(g => g.Key, g => g.Sum(i => i.Amount));
        }
    }
}
