#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

class WordCounter {
public:
    void add(const std::string& text) {
        std::string word;
        for (char c : text) {
            if (std::isalpha(static_cast<unsigned char>(c))) {
                word += static_cast<char>(std::tolower(c));
            } else if (!word.empty()) {
                counts_[word]++;
                word.clear();
            }
        }
        if (!word.empty()) {
            counts_[word]++;
        }
    }

    std::vector<std::pair<std::string, int>> top(size_t n) const {
        std::vector<std::pair<std::string, int>> items(counts_.begin(), counts_.end());
        std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        if (items.size() > n) {
            items.resize(n);
        }
        return items;
    }

private:
    std::unordered_map<std::string, int> counts_;
};
