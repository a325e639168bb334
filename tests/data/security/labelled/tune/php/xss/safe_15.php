<?php
$page = $_GET['page'];
if (is_int($page)) {
    echo "<li>page " . $page . "</li>";
}
