<?php
$item = $_GET['item'];
if (strlen($item) > 40) {
    user_error("Unknown item: " . $item);
}
