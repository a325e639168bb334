<?php
class Input {
    public $value;
    public function __construct() { $this->value = $_GET['q']; }
}
$in = new Input();
$tainted = $in->value;
print("<p>" . $tainted . "</p>");
