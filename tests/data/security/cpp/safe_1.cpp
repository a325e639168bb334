#include <string>
void copy(std::string& dst, const std::string& src) {
  dst = src;
}
